package org.backtrack.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * Payload of {@code backtrack.progress.status-changed.v1}: published by progress-service only when a patient's
 * status, suggested action or set of alerts changes, not on every session.
 *
 * @param previousStatus null on the patient's first evaluation
 * @param asOf           the latest session the evaluation is based on (data time, not processing time)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgressStatusChanged(
        String patientId,
        String clinicId,
        String previousStatus,
        String status,
        Suggestion suggestion,
        List<String> alerts,
        Instant asOf,
        Instant evaluatedAt) {

    public static final String TYPE = "backtrack.progress.status-changed.v1";

    /** One of the fixed actions, the catalog ids it proposes and the reason in plain words. */
    public record Suggestion(String action, List<String> exercises, String reason) {
    }
}
