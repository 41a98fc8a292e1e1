package org.backtrack.progress.webhooks;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One event owed to one subscription, under its {@code webhook-id} ({@code DeliveryIdentity}). {@code orderKey} is the
 * patient (or, for events about no patient, the event's key) and {@code sequence} the order the feed took the events
 * in: the sender keeps one delivery per (subscription, orderKey) in flight, in sequence order. {@code body} is the
 * CloudEvent exactly as it was published.
 */
@Document("webhook_deliveries")
@CompoundIndexes({
        @CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}"),
        @CompoundIndex(name = "order", def = "{'subscriptionId': 1, 'orderKey': 1, 'sequence': 1}"),
        @CompoundIndex(name = "listing", def = "{'subscriptionId': 1, 'createdAt': -1, '_id': 1}")})
record StoredDelivery(
        @Id String id,
        String subscriptionKey,
        String subscriptionId,
        String clinicId,
        String orderKey,
        long sequence,
        String eventId,
        String eventType,
        String body,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        Instant leaseUntil,
        String claim,
        Integer lastResponseCode,
        String lastError,
        Instant lastAttemptAt,
        Instant createdAt,
        Instant deliveredAt) {
}
