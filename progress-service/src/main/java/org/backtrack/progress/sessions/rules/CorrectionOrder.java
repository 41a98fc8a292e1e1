package org.backtrack.progress.sessions.rules;

import org.backtrack.events.InvalidEventException;
import org.backtrack.events.Violation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Which version of a session stands when corrections arrive late and out of order. A session is identified by
 * (clinicId, sessionId); an event with an id already recorded for it is a redelivery and counts once; a new event id
 * is a correction. Versions are ordered by the time their event carries (else when Kafka received it), but never later
 * than when progress-service recorded them: a producer that forges a future {@code time} cannot freeze a session
 * against the corrections that follow, because any correction recorded later orders after it. On a tie the later
 * arrival wins. A correction may change the numbers, never whose session it is.
 */
public final class CorrectionOrder {

    /** What an event does to its session. */
    public enum Outcome {
        /** The first version of the session. */
        NEW,
        /** A correction that orders after the standing version, so it replaces it. */
        CORRECTED,
        /** A redelivery of an event already recorded: nothing changes. */
        DUPLICATE,
        /** A correction that orders before the standing version: recorded as seen, the standing version stays. */
        STALE_CORRECTION
    }

    /** What is known of the version that stands. */
    public record Standing(String patientId, Instant orderedAt, Collection<String> eventIds) {
    }

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

    /**
     * What an event does to its session.
     *
     * @param standing  the version recorded so far, null when there is none
     * @param orderedAt the event's {@link #orderingTime}
     * @throws InvalidEventException naming {@code data.sessionId} when the event gives the session to another patient
     */
    public static Outcome decide(Standing standing, String eventId, String patientId, Instant orderedAt) {
        if (standing == null) {
            return Outcome.NEW;
        }
        if (standing.eventIds().contains(eventId)) {
            return Outcome.DUPLICATE;
        }
        if (!standing.patientId().equals(patientId)) {
            // the clinic is part of the session's key, so only the patient can differ
            throw new InvalidEventException(List.of(new Violation("data.sessionId",
                    "already recorded for another patient of this clinic; a correction cannot move a session")));
        }
        return supersedes(orderedAt, standing.orderedAt()) ? Outcome.CORRECTED : Outcome.STALE_CORRECTION;
    }
}
