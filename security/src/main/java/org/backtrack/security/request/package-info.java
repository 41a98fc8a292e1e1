/**
 * Checks at the door, before any handler runs: request size, content type, identifiers in paths and headers, and the
 * problem documents written where no MVC handler runs.
 */
package org.backtrack.security.request;
