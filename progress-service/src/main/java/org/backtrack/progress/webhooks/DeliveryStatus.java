package org.backtrack.progress.webhooks;

/**
 * Where a delivery stands. PENDING: due at {@code nextAttemptAt}; SENDING: claimed by a sender until its lease ends;
 * DELIVERED: the receiver answered 2xx; FAILED: every attempt of the schedule failed, or the endpoint was disabled
 * (it can be redelivered).
 */
public enum DeliveryStatus {
    PENDING, SENDING, DELIVERED, FAILED
}
