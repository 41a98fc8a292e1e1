package org.backtrack.progress.sessions;

import java.time.Instant;

/**
 * Which version of a session stands when corrections arrive late and out of order. Versions are ordered by the
 * time their event carries (else when Kafka received it), but never later than when progress-service recorded
 * them: a producer that forges a future {@code time} cannot freeze a session against the corrections that follow,
 * because any correction recorded later orders after it. On a tie the later arrival wins.
 */
public final class CorrectionOrder {

    private CorrectionOrder() {
    }

    /**
     * @param eventTime  the event's {@code time}, or null when it has none
     * @param arrivedAt  when the broker received the record
     * @param recordedAt when this service first records it
     */
    public static Instant orderingTime(Instant eventTime, Instant arrivedAt, Instant recordedAt) {
        Instant claimed = eventTime != null ? eventTime : arrivedAt;
        return claimed.isAfter(recordedAt) ? recordedAt : claimed;
    }

    /** Whether a version ordered at {@code incoming} replaces the one ordered at {@code standing}. */
    public static boolean supersedes(Instant incoming, Instant standing) {
        return !incoming.isBefore(standing);
    }
}
