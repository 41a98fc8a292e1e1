package org.backtrack.progress.webhooks.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of a delivery, which is also its {@code webhook-id}: derived from the subscription and the event's id,
 * so the same event reaching the feed twice (a Kafka redelivery) makes one delivery, and every retry and redelivery of
 * it carries the same {@code webhook-id} for the receiver to deduplicate.
 */
public final class DeliveryIdentity {

    public static final String PREFIX = "msg_";

    private DeliveryIdentity() {
    }

    public static String of(String subscriptionId, String eventId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((subscriptionId + "\n" + eventId).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
