package org.backtrack.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * Payload of {@code backtrack.progress.alert-raised.v1}: progress-service raised an alert. Published once per alert
 * (at least once on the wire, always under the CloudEvents id {@code <alertId>.raised}).
 *
 * @param alertId    the alert's identity within its clinic, the same for every replay of what raised it
 * @param episode    what the alert is about within its type: {@code session:<sessionId>} for a session's sign,
 *                   {@code after:<instant>} for an absence after the session at that instant
 * @param sessionId  the session that raised it; absent for disengagement
 * @param occurredAt when what it is about happened: the session's {@code completedAt}, or when the absence reached the
 *                   type's length
 * @param arrivedAt  when progress-service recorded the session that raised it; absent for disengagement
 * @param late       the session arrived more than a day after it happened (an app that synced late)
 * @param raisedAt   when progress-service raised it
 * @param summary    what happened, in words (symptoms, pain levels, days)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertRaised(
        String alertId,
        String clinicId,
        String patientId,
        AlertType type,
        String episode,
        String sessionId,
        Instant occurredAt,
        Instant arrivedAt,
        boolean late,
        Instant raisedAt,
        String summary) {

    public static final String TYPE = "backtrack.progress.alert-raised.v1";
}
