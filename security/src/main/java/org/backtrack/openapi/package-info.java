/** How every service describes its API in its OpenAPI document: the document's information, nullable values, media types. */
package org.backtrack.openapi;
