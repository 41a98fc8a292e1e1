package org.backtrack.progress.clinics;

import org.backtrack.progress.assessment.CalendarDays;

import java.util.Map;

/**
 * The calendar days of some clinics, as read once (per batch of sessions, per rebuild or check): a clinic not listed
 * never set a time zone and counts UTC days.
 */
public record ClinicCalendars(Map<String, CalendarDays> byClinic) {

    public ClinicCalendars {
        byClinic = Map.copyOf(byClinic);
    }

    public CalendarDays of(String clinicId) {
        return byClinic.getOrDefault(clinicId, CalendarDays.UTC);
    }
}
