/** Kafka adapter: reads {@code backtrack.sessions}, dead-letters what breaks the contract, retries the rest. */
package org.backtrack.progress.ingestion;
