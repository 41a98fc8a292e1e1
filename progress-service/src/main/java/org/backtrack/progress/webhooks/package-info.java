/**
 * Webhooks per clinic: subscriptions with their encrypted signing secrets, the feed that turns the clinic's events on
 * {@code backtrack.sessions} and {@code backtrack.progress} into deliveries (its own consumer group, never calling out),
 * and the sender that claims due deliveries under a lease and POSTs them, signed the Standard Webhooks way, through an
 * HTTP client that checks and pins every address it connects to.
 */
package org.backtrack.progress.webhooks;
