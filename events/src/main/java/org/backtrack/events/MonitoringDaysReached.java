package org.backtrack.events;

import java.time.LocalDate;
import java.util.List;

/**
 * Payload of {@code backtrack.progress.monitoring-days-reached.v1}: a patient has data on 16 days of a 30-day monitoring
 * period (docs/analytics.md, "Monitoring days"), counted in the clinic's time zone. Published once per clinic, patient
 * and period on {@code backtrack.progress}, keyed by the patient, when the session that makes the 16th day is recorded.
 *
 * @param periodStart the first day of the period (the clinic's calendar day)
 * @param periodEnd   the last day of the period, 29 days after its start
 * @param days        days with data in the period when the event was decided (16 or, after late sessions, more)
 * @param reachedOn   the day of the 16th day with data
 * @param sessionIds  the sessions that qualified each day with data, in day order
 */
public record MonitoringDaysReached(
        String clinicId,
        String patientId,
        LocalDate periodStart,
        LocalDate periodEnd,
        int days,
        LocalDate reachedOn,
        List<String> sessionIds) {

    public static final String TYPE = "backtrack.progress.monitoring-days-reached.v1";

    public MonitoringDaysReached {
        sessionIds = sessionIds == null ? List.of() : List.copyOf(sessionIds);
    }
}
