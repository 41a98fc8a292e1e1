package org.backtrack.progress.webhooks;

import org.backtrack.outbox.Publication;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A webhook subscription as stored, under {@code clinicId/id} (so every look-up is by the caller's clinic). The signing
 * secrets are encrypted ({@link SecretCipher}), newest first; after a rotation the previous one keeps signing until its
 * {@code expiresAt}. {@code failingSince} and {@code exhaustedInARow} feed the disable policy. The document is also the
 * outbox of the event that tells the clinic its endpoint was disabled ({@code eventId}, {@code publication},
 * {@code claimedAt}, as {@code MongoOwedEvents} keeps them).
 */
@Document("webhook_subscriptions")
record StoredSubscription(
        @Id String key,
        String id,
        @Indexed String clinicId,
        String url,
        List<String> eventTypes,
        String description,
        boolean enabled,
        String disabledReason,
        Instant disabledAt,
        List<Secret> secrets,
        Instant createdAt,
        Instant updatedAt,
        Instant failingSince,
        int exhaustedInARow,
        String eventId,
        @Indexed Publication publication,
        Instant claimedAt) {

    /** One signing secret, encrypted; {@code expiresAt} null for the current one. */
    record Secret(String encrypted, Instant createdAt, Instant expiresAt) {
    }

    boolean signsWith(Secret secret, Instant now) {
        return secret.expiresAt() == null || secret.expiresAt().isAfter(now);
    }
}
