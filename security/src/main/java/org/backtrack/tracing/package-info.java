/**
 * Trace context across Kafka where Spring Kafka's own observation does not reach: the records of a batch listener,
 * each processed under its producer's trace, and what the batch publishes about a key joining that trace.
 */
package org.backtrack.tracing;
