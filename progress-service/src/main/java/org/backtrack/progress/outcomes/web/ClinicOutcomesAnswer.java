package org.backtrack.progress.outcomes.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.backtrack.progress.outcomes.rules.ClinicOutcomes;

import java.time.LocalDate;
import java.util.List;

/** The answer of {@code GET /api/v1/clinics/{clinicId}/outcomes}: the rules' figures, rounded. */
@Schema(description = "A clinic's outcomes over a window of the clinic's days (its time zone)")
record ClinicOutcomesAnswer(
        String clinicId,
        @Schema(description = "First day of the window (a day of the clinic's time zone, inclusive)") LocalDate from,
        @Schema(description = "Last day of the window (a day of the clinic's time zone, inclusive)") LocalDate to,
        @Schema(description = "Patients with at least one session in the window") int patientsWithData,
        @Schema(description = "One entry per follow-up: 4 weeks, then 8 weeks") List<FollowUp> followUps) {

    record FollowUp(
            @Schema(description = "Length of the follow-up in weeks (4 or 8)") int weeks,
            @Schema(description = "Least number of days between a patient's first and last session day in the window (28 or 56)") int minimumDays,
            @Schema(description = "Patients with at least minimumDays days between first and last session day in the window") int eligible,
            @Schema(description = "Eligible patients with sessions both in their first 7 days and in the follow-up's last 7 days") int measured,
            @Schema(description = "Measured patients whose pain before fell by at least the minimal important change") int responders,
            @Schema(description = "responders / measured, 0 to 1 (2 decimals); null when nobody was measured") Double responderShare,
            @Schema(description = "Median of current - baseline pain in NPRS points (negative: less pain); null when nobody was measured") Double medianChangePoints,
            @Schema(description = "Median change in percent of the baseline (patients with a baseline above 0); null when there is none") Double medianChangePercent,
            @Schema(description = "Median adherence over the follow-up, 0 to 1 (mean of the weekly adherence of its weeks); null when nobody is eligible") Double medianAdherence) {
    }

    static ClinicOutcomesAnswer of(String clinicId, LocalDate from, LocalDate to, ClinicOutcomes.Result result) {
        return new ClinicOutcomesAnswer(clinicId, from, to, result.patientsWithData(), result.followUps().stream()
                .map(f -> new FollowUp(f.weeks(), f.minimumDays(), f.eligible(), f.measured(), f.responders(),
                        round(f.responderShare()), round(f.medianChangePoints()), round(f.medianChangePercent()),
                        round(f.medianAdherence())))
                .toList());
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 100.0) / 100.0;
    }
}
