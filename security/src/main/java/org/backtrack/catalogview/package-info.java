/**
 * The one catalog view of catalog-service's consumers: every exercise's latest version, read from the compacted
 * {@code backtrack.catalog} topic from the beginning at start and kept current by its events.
 */
package org.backtrack.catalogview;
