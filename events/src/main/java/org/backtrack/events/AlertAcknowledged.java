package org.backtrack.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * Payload of {@code backtrack.progress.alert-acknowledged.v1}: a clinician of the patient's clinic acknowledged an
 * alert. An alert is acknowledged at most once (a second acknowledgement is refused with 409), so this is published
 * once per alert, under the CloudEvents id {@code <alertId>.acknowledged}.
 *
 * @param acknowledgedBy the clinician, as the access token named them ({@code sub})
 * @param note           the clinician's note, at most {@link #MAX_NOTE_LENGTH} characters; absent without one
 * @param status         the alert's status after the acknowledgement: RESOLVED for a type that the acknowledgement
 *                       resolves (a red flag) or an alert that had resolved before, else ACKNOWLEDGED
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertAcknowledged(
        String alertId,
        String clinicId,
        String patientId,
        AlertType type,
        String acknowledgedBy,
        Instant acknowledgedAt,
        String note,
        AlertStatus status) {

    public static final String TYPE = "backtrack.progress.alert-acknowledged.v1";
    /** The longest note an acknowledgement may carry, in characters. */
    public static final int MAX_NOTE_LENGTH = 1000;
}
