package org.backtrack.progress.outcomes.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A row of {@code .../outcomes.csv}: one follow-up of the clinic ({@code CLINIC}, with the plateau figures) or of one
 * group of a breakdown ({@code STARTING_STAGE}, {@code PROGRAM}, named by {@code key}).
 */
record OutcomeRow(String clinicId, String timeZone, LocalDate from, LocalDate to, String breakdown, String key,
                  int patientsWithData, int weeks, int eligible, int measured, int responders, Double responderShare,
                  Double medianChangePoints, Double medianChangePercent, Double medianAdherence,
                  Integer plateausWithStageChange, Integer plateausMeasured, Integer plateausImproved,
                  Double plateausImprovedShare) {

    static List<OutcomeRow> of(ClinicOutcomesAnswer answer) {
        List<OutcomeRow> rows = new ArrayList<>();
        var p = answer.plateausAfterStageChange();
        for (ClinicOutcomesAnswer.FollowUp f : answer.followUps()) {
            rows.add(row(answer, "CLINIC", answer.clinicId(), answer.patientsWithData(), f, p.plateausWithStageChange(),
                    p.measured(), p.improved(), p.improvedShare()));
        }
        add(rows, answer, "STARTING_STAGE", answer.byStartingStage());
        add(rows, answer, "PROGRAM", answer.byProgram());
        return List.copyOf(rows);
    }

    private static void add(List<OutcomeRow> rows, ClinicOutcomesAnswer answer, String breakdown,
                            List<ClinicOutcomesAnswer.Breakdown> groups) {
        for (ClinicOutcomesAnswer.Breakdown group : groups) {
            for (ClinicOutcomesAnswer.FollowUp f : group.followUps()) {
                rows.add(row(answer, breakdown, group.key(), group.patientsWithData(), f, null, null, null, null));
            }
        }
    }

    private static OutcomeRow row(ClinicOutcomesAnswer a, String breakdown, String key, int patients, ClinicOutcomesAnswer.FollowUp f,
                                  Integer plateaus, Integer measured, Integer improved, Double share) {
        return new OutcomeRow(a.clinicId(), a.timeZone(), a.from(), a.to(), breakdown, key, patients, f.weeks(), f.eligible(),
                f.measured(), f.responders(), f.responderShare(), f.medianChangePoints(), f.medianChangePercent(),
                f.medianAdherence(), plateaus, measured, improved, share);
    }
}
