/** progress-service's copy of what it needs from the catalog, fetched over HTTP and refreshed periodically. */
package org.backtrack.progress.catalog;
