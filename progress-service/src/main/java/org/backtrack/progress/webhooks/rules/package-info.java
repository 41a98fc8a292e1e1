/**
 * The webhook rules in plain Java: signing secrets and the Standard Webhooks signature, which URLs and addresses a
 * webhook may target, the retry schedule, when an endpoint is disabled, what a subscription may ask for, and the
 * identity of a delivery.
 */
package org.backtrack.progress.webhooks.rules;
