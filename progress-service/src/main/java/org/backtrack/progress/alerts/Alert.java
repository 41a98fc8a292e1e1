package org.backtrack.progress.alerts;

import org.backtrack.events.AlertResolution;
import org.backtrack.events.AlertStatus;
import org.backtrack.events.AlertType;

import java.time.Instant;

/**
 * An alert as the API shows it. Labels for {@code type}, {@code status} and {@code resolution.reason} come from
 * {@code GET /api/v1/alert-types}.
 *
 * @param episode    what it is about within its type: {@code session:<sessionId>} or {@code after:<completedAt>}
 * @param occurredAt when it happened (the session's {@code completedAt}, or when the absence reached its length)
 * @param arrivedAt  when the session that raised it was recorded; null for an absence
 * @param late       the session arrived more than a day after it happened
 * @param raisedAt   when progress-service raised it (the inbox's "newest first")
 */
public record Alert(String alertId, String clinicId, String patientId, AlertType type, AlertStatus status, String episode,
                    String sessionId, String summary, Instant occurredAt, Instant arrivedAt, boolean late, Instant raisedAt,
                    Acknowledgement acknowledgement, Resolution resolution) {

    /** Who acknowledged it and when; the note is the clinic's, shown to staff only. */
    public record Acknowledgement(String by, Instant at, String note) {
    }

    /** When and how it resolved; {@code bySessionId} the later session that did, when one did. */
    public record Resolution(Instant at, AlertResolution reason, String bySessionId) {
    }

    /** @param withNote whether the caller may read the clinician's note (staff and the clinic's systems, not the patient) */
    static Alert of(StoredAlert a, boolean withNote) {
        var ack = a.acknowledgement() == null ? null
                : new Acknowledgement(a.acknowledgement().by(), a.acknowledgement().at(), withNote ? a.acknowledgement().note() : null);
        var resolution = a.resolution() == null ? null
                : new Resolution(a.resolution().at(), a.resolution().reason(), a.resolution().bySessionId());
        return new Alert(a.alertId(), a.clinicId(), a.patientId(), a.type(), a.status(), a.episode(), a.sessionId(), a.summary(),
                a.occurredAt(), a.arrivedAt(), a.late(), a.raisedAt(), ack, resolution);
    }
}
