/**
 * Kafka adapter: reads {@code backtrack.sessions}, dead-letters what breaks the contract or its limits or cannot be
 * written however often it is retried, retries the rest.
 */
package org.backtrack.progress.ingestion;
