package org.backtrack.progress.alerts;

import org.backtrack.events.AlertAcknowledged;
import org.backtrack.events.AlertRaised;
import org.backtrack.events.AlertResolution;
import org.backtrack.events.AlertResolved;
import org.backtrack.events.AlertStatus;
import org.backtrack.events.AlertType;
import org.backtrack.outbox.MongoOwedEvents;
import org.backtrack.outbox.Publication;
import org.backtrack.progress.alerts.rules.AlertDecision;
import org.backtrack.security.ClinicKeys;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * An alert as stored, under {@code clinicId/alertId}: what raised it (never changed afterwards), who acknowledged it,
 * how it resolved, and the events its lifecycle owes. It is its own outbox ({@link MongoOwedEvents}): every change
 * appends its event to {@code events} and names it in {@code eventId} in the same single-document write, and
 * {@code publishedEvents} counts those the broker has acknowledged, so an acknowledgement written while the raise was
 * still owed sends both, in order. At most three events ever (raised, acknowledged, resolved): the document stays small.
 *
 * @param statusRank {@link AlertStatus#rank()}, stored for the inbox's order (open first)
 */
@Document("alerts")
@CompoundIndexes({
        @CompoundIndex(name = "inbox_order", def = "{'clinicId': 1, 'statusRank': 1, 'raisedAt': -1, 'alertId': 1}"),
        @CompoundIndex(name = "patient_alerts", def = "{'clinicId': 1, 'patientId': 1, 'statusRank': 1, 'raisedAt': -1, 'alertId': 1}")})
public record StoredAlert(
        @Id String key,
        String alertId,
        String clinicId,
        String patientId,
        AlertType type,
        String episode,
        String sessionId,
        String summary,
        Instant occurredAt,
        Instant arrivedAt,
        boolean late,
        Instant raisedAt,
        AlertStatus status,
        int statusRank,
        Acknowledgement acknowledgement,
        Resolution resolution,
        List<LifecycleEvent> events,
        int publishedEvents,
        String eventId,
        @Indexed Publication publication,
        Instant claimedAt,
        Instant changedAt) {

    /** Who saw it, when, and what they noted (null without a note). */
    public record Acknowledgement(String by, Instant at, String note) {
    }

    /** When and how it resolved; {@code bySessionId} is the later session that did, if one did. */
    public record Resolution(Instant at, AlertResolution reason, String bySessionId) {
    }

    /** One event the alert's lifecycle owes: its CloudEvents id and type, and when the change happened. */
    public record LifecycleEvent(String id, String type, Instant at) {

        static LifecycleEvent raised(String alertId, Instant at) {
            return new LifecycleEvent(alertId + ".raised", AlertRaised.TYPE, at);
        }

        static LifecycleEvent acknowledged(String alertId, Instant at) {
            return new LifecycleEvent(alertId + ".acknowledged", AlertAcknowledged.TYPE, at);
        }

        static LifecycleEvent resolved(String alertId, Instant at) {
            return new LifecycleEvent(alertId + ".resolved", AlertResolved.TYPE, at);
        }
    }

    public StoredAlert {
        events = events == null ? List.of() : List.copyOf(events);
    }

    static String keyOf(String clinicId, String alertId) {
        return ClinicKeys.of(clinicId, alertId);
    }

    /** A freshly raised alert, owing its raised event. */
    /** A new alert as its writer stores it: owing its raise, claimed by that writer to send it ({@link AlertWriter}). */
    static StoredAlert raised(String clinicId, String patientId, AlertDecision.Raise raise, Instant now) {
        String alertId = raise.alertId();
        LifecycleEvent event = LifecycleEvent.raised(alertId, now);
        return new StoredAlert(keyOf(clinicId, alertId), alertId, clinicId, patientId, raise.identity().type(),
                raise.identity().episode(), raise.sessionId(), raise.summary(), raise.occurredAt(), raise.arrivedAt(), raise.late(),
                now, AlertStatus.OPEN, AlertStatus.OPEN.rank(), null, null, List.of(event), 0, event.id(), Publication.PUBLISHING,
                now, now);
    }
}
