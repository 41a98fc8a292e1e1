package org.backtrack.progress.outcomes.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.backtrack.progress.outcomes.OutcomeQueries;
import org.backtrack.progress.outcomes.rules.ClinicOutcomes;
import org.backtrack.progress.outcomes.rules.PlateauAfterStageChange;

import java.time.LocalDate;
import java.util.List;

/** The answer of {@code GET /api/v1/clinics/{clinicId}/outcomes}: the rules' figures, rounded. */
@Schema(description = "A clinic's outcomes over a window of the clinic's days (its time zone)")
record ClinicOutcomesAnswer(
        String clinicId,
        @Schema(description = "The clinic's time zone, in which days are counted (UTC until set)") String timeZone,
        @Schema(description = "First day of the window (the clinic's day, inclusive)") LocalDate from,
        @Schema(description = "Last day of the window (the clinic's day, inclusive)") LocalDate to,
        @Schema(description = "Patients with at least one session in the window") int patientsWithData,
        @Schema(description = "One entry per follow-up: 4 weeks, then 8 weeks") List<FollowUp> followUps,
        @Schema(description = "The same figures per starting stage (the program's stage at the patient's first session in "
                + "the window; BASIC for a program never changed), in stage name order") List<Breakdown> byStartingStage,
        @Schema(description = "The same figures per program: the program's starting focus regions joined with + "
                + "(NO_FOCUS when empty; NO_PROGRAM for a program never changed), in name order") List<Breakdown> byProgram,
        @Schema(description = "Plateaus followed by a stage change in the window and whether they improved again")
        Plateaus plateausAfterStageChange) {

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

    record Breakdown(
            @Schema(description = "The starting stage or the program") String key,
            @Schema(description = "Patients of the group with at least one session in the window") int patientsWithData,
            @Schema(description = "The group's follow-ups, as the clinic's") List<FollowUp> followUps) {
    }

    record Plateaus(
            @Schema(description = "Weeks after the change in which an improvement counts (4)") int weeks,
            @Schema(description = "Patients whose first stage change in the window was made while their status was PLATEAU") int plateausWithStageChange,
            @Schema(description = "Of those, the ones with a baseline (sessions in the 7 days before the change) that improved or whose weeks are over") int measured,
            @Schema(description = "Measured patients whose weekly mean pain fell by the minimal important change within the weeks") int improved,
            @Schema(description = "improved / measured, 0 to 1 (2 decimals); null when none measured") Double improvedShare) {
    }

    static ClinicOutcomesAnswer of(String clinicId, String timeZone, LocalDate from, LocalDate to, OutcomeQueries.Outcomes outcomes) {
        PlateauAfterStageChange.Figures p = outcomes.plateaus();
        return new ClinicOutcomesAnswer(clinicId, timeZone, from, to, outcomes.overall().patientsWithData(),
                followUps(outcomes.overall()), breakdown(outcomes.byStartingStage()), breakdown(outcomes.byProgram()),
                new Plateaus(p.weeks(), p.plateausWithStageChange(), p.measured(), p.improved(), round(p.improvedShare())));
    }

    private static List<Breakdown> breakdown(List<ClinicOutcomes.Group> groups) {
        return groups.stream().map(g -> new Breakdown(g.key(), g.result().patientsWithData(), followUps(g.result()))).toList();
    }

    static List<FollowUp> followUps(ClinicOutcomes.Result result) {
        return result.followUps().stream()
                .map(f -> new FollowUp(f.weeks(), f.minimumDays(), f.eligible(), f.measured(), f.responders(),
                        round(f.responderShare()), round(f.medianChangePoints()), round(f.medianChangePercent()),
                        round(f.medianAdherence())))
                .toList();
    }

    static Double round(Double value) {
        return value == null ? null : Math.round(value * 100.0) / 100.0;
    }
}
