package org.backtrack.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * Payload of {@code backtrack.progress.alert-resolved.v1}: an alert no longer needs anyone. Published once per alert,
 * under the CloudEvents id {@code <alertId>.resolved}.
 *
 * @param resolvedBySessionId the later session that resolved it (a sign cleared, a session logged after an absence);
 *                            absent when a clinician's acknowledgement or a longer absence resolved it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertResolved(
        String alertId,
        String clinicId,
        String patientId,
        AlertType type,
        Instant resolvedAt,
        AlertResolution resolution,
        String resolvedBySessionId) {

    public static final String TYPE = "backtrack.progress.alert-resolved.v1";
}
