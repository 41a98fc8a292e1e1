/** The gateway's one OpenAPI document: the three services' documents merged, for client generators. */
package org.backtrack.gateway.apidocs;
