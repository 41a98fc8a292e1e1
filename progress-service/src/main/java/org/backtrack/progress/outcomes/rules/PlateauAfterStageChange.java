package org.backtrack.progress.outcomes.rules;

import org.backtrack.events.ProgressStatus;
import org.backtrack.progress.assessment.CalendarDays;
import org.backtrack.progress.assessment.ExerciseCatalog;
import org.backtrack.progress.assessment.PainReading;
import org.backtrack.progress.assessment.PatientWindow;
import org.backtrack.progress.assessment.ProgressAssessor;
import org.backtrack.progress.assessment.TrendAnalysis;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Did a plateau improve again after a stage change? For one patient, the first stage change on a day of the window
 * (in the clinic's time zone) made while the patient's status was {@code PLATEAU}: the status the progress assessment
 * itself ({@link ProgressAssessor}) gives from the patient's sessions completed before the change, as of the change.
 * <ul>
 *   <li>baseline: the mean pain before of the sessions of the {@value #BASELINE_DAYS} days before the change's day
 *       (days D-7 to D-1);</li>
 *   <li>improved: in one of the {@value #WEEKS} weeks after the change's day (days D+1..D+7, ..., D+22..D+28), the mean
 *       pain before of that week's sessions is a meaningful drop from the baseline, by the assessment's own rule
 *       ({@link TrendAnalysis#meaningfulDrop}: at least the minimal important change);</li>
 *   <li>measured: there is a baseline, and the patient either improved or the {@value #WEEKS} weeks are over (today is
 *       after D+28). A change still within its weeks without improvement yet is not measured.</li>
 * </ul>
 */
public final class PlateauAfterStageChange {

    /** The weeks after a change in which an improvement counts. */
    public static final int WEEKS = 4;
    /** The days before the change averaged for the baseline. */
    public static final int BASELINE_DAYS = 7;

    private static final ProgressAssessor ASSESSOR = new ProgressAssessor();

    private PlateauAfterStageChange() {
    }

    /** A stage change of a patient's program. */
    public record StageChange(Instant at, String fromStage, String toStage) {
    }

    /**
     * One patient's plateau followed by a stage change.
     *
     * @param baseline null when the week before the change has no session
     * @param improvedInWeek the first week (1 to {@value #WEEKS}) whose mean is a meaningful drop, or null
     */
    public record Outcome(StageChange change, Double baseline, Integer improvedInWeek, boolean measured) {
        public boolean improved() {
            return improvedInWeek != null;
        }
    }

    /** The clinic's figures: patients with a plateau followed by a stage change, how many measured and improved. */
    public record Figures(int weeks, int plateausWithStageChange, int measured, int improved, Double improvedShare) {

        public static Figures of(Collection<Outcome> outcomes) {
            int measured = (int) outcomes.stream().filter(Outcome::measured).count();
            int improved = (int) outcomes.stream().filter(o -> o.measured() && o.improved()).count();
            return new Figures(WEEKS, outcomes.size(), measured, improved, measured == 0 ? null : (double) improved / measured);
        }
    }

    /**
     * @param readings the patient's sessions (all of them: the assessment needs the first week and the weeks before)
     * @param changes  the program's stage changes, oldest first
     * @param from     the window's first day
     * @param to       the window's last day
     * @param today    today in the clinic's zone
     * @return the outcome of the first stage change in the window made during a plateau; empty when there is none
     */
    public static Optional<Outcome> of(String patientId, String clinicId, List<PainReading> readings, List<StageChange> changes,
                                       LocalDate from, LocalDate to, LocalDate today, CalendarDays days) {
        List<PainEntry> entries = readings.stream().map(r -> new PainEntry(patientId, r.completedAt(), r.painBefore())).toList();
        for (StageChange change : changes) {
            LocalDate day = days.dayOf(change.at());
            if (day.isBefore(from) || day.isAfter(to) || !plateauAt(patientId, clinicId, readings, change.at(), days)) {
                continue;
            }
            Optional<Double> baseline = PainEntry.meanPain(entries, day.minusDays(BASELINE_DAYS), day.minusDays(1), days);
            Integer improvedIn = null;
            if (baseline.isPresent()) {
                for (int week = 1; week <= WEEKS && improvedIn == null; week++) {
                    Optional<Double> mean = PainEntry.meanPain(entries, day.plusDays(7L * week - 6), day.plusDays(7L * week), days);
                    if (mean.isPresent() && TrendAnalysis.meaningfulDrop(baseline.get(), baseline.get() - mean.get())) {
                        improvedIn = week;
                    }
                }
            }
            boolean over = today.isAfter(day.plusDays(7L * WEEKS));
            boolean measured = baseline.isPresent() && (improvedIn != null || over);
            return Optional.of(new Outcome(change, baseline.orElse(null), improvedIn, measured));
        }
        return Optional.empty();
    }

    /** The status the assessment gives (in the clinic's days) from the sessions completed before {@code at}, as of {@code at}, is PLATEAU. */
    static boolean plateauAt(String patientId, String clinicId, List<PainReading> readings, Instant at, CalendarDays days) {
        List<PainReading> before = readings.stream().filter(r -> r.completedAt().isBefore(at)).toList();
        if (before.isEmpty()) {
            return false;
        }
        return ASSESSOR.assess(PatientWindow.of(patientId, clinicId, before), ExerciseCatalog.EMPTY, at, days).status()
                == ProgressStatus.PLATEAU;
    }
}
