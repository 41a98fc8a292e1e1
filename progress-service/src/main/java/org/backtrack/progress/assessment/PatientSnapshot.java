package org.backtrack.progress.assessment;

import org.backtrack.events.Stage;
import org.backtrack.events.ProgressStatus;
import org.backtrack.events.SuggestedAction;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where a patient stands as of their latest session: the whole {@link Assessment} at that instant (so a rule that
 * adds to it needs no plumbing of its own) and what the clinic overview shows besides. It depends only on the
 * patient's window and the catalog, never on the clock, so a rebuild reproduces it exactly. What depends on the
 * clock (disengagement, sessions in the last seven days, and so the suggested action) is worked out when it is read
 * ({@link #alertsAsOf}, {@link #adherenceAsOf}, {@link #actionAsOf}, {@link #needsAttentionAsOf}); the status stays that
 * of the latest session (a red flag stays until the next session, as published).
 *
 * @param currentPain        pain before the latest session
 * @param recentPain         daily mean pain before over the {@link #SPARKLINE} up to the latest session, oldest first
 * @param recentSessionTimes completion times within {@link WeeklyAdherence#LOOKBACK} of the latest session, oldest first
 * @param assessment         the rules' conclusions as of the latest session (what {@code backtrack.progress} publishes)
 * @param timeZone           the clinic's time zone the days were counted in ({@link CalendarDays#zoneId()}); null in
 *                           summaries stored before zones were, read as UTC. A summary is recomputed when the clinic's
 *                           zone changes, and the read-model check compares it with one made in the current zone
 */
public record PatientSnapshot(String patientId, String clinicId, Instant firstSessionAt, Instant lastSessionAt,
                              Integer currentPain, List<Double> recentPain, List<Instant> recentSessionTimes,
                              Assessment assessment, String timeZone) {

    public static final Duration SPARKLINE = Duration.ofDays(14);

    public PatientSnapshot {
        recentPain = List.copyOf(recentPain);
        recentSessionTimes = List.copyOf(recentSessionTimes);
    }

    /** @param assessment the assessment of {@code window} as of its latest session, in UTC days */
    public static PatientSnapshot of(PatientWindow window, Assessment assessment) {
        return of(window, assessment, CalendarDays.UTC);
    }

    /** @param assessment the assessment of {@code window} as of its latest session, days counted by {@code calendar} */
    public static PatientSnapshot of(PatientWindow window, Assessment assessment, CalendarDays calendar) {
        List<PainReading> recent = window.recent();
        PainReading latest = recent.isEmpty() ? null : recent.get(recent.size() - 1);
        Instant sparklineFrom = window.latestAt() == null ? null : calendar.daysBefore(window.latestAt(), SPARKLINE.toDays());
        Instant timesFrom = window.latestAt() == null ? null
                : calendar.daysBefore(window.latestAt(), WeeklyAdherence.LOOKBACK.toDays());
        List<Double> sparkline = DailySeries.of(recent.stream().filter(r -> r.completedAt().isAfter(sparklineFrom)).toList(), calendar)
                .stream().map(DailySeries.Day::painBefore).toList();
        List<Instant> times = new ArrayList<>();
        recent.stream().map(PainReading::completedAt).filter(at -> at.isAfter(timesFrom)).forEach(times::add);
        return new PatientSnapshot(window.patientId(), window.clinicId(), window.firstAt(), window.latestAt(),
                latest == null ? null : latest.painBefore(), sparkline, times, assessment, calendar.zoneId());
    }

    /** The calendar the snapshot's days were counted in (UTC for a summary stored before zones were). */
    public CalendarDays calendar() {
        return CalendarDays.of(timeZone);
    }

    /**
     * The snapshot without what only the catalog of the moment decides (the proposed exercises and the current
     * stage), for comparing a stored snapshot with a recomputation made after the catalog was refreshed; the status,
     * action, alerts, trend and everything the overview shows stay.
     */
    public PatientSnapshot withoutCatalogDetail() {
        Assessment.Suggestion suggestion = new Assessment.Suggestion(assessment.suggestion().action(), List.of(),
                assessment.suggestion().reason());
        Assessment plain = new Assessment(assessment.status(), assessment.trend(), assessment.adherence(), assessment.alerts(),
                suggestion, null, assessment.asOf());
        return new PatientSnapshot(patientId, clinicId, firstSessionAt, lastSessionAt, currentPain, recentPain, recentSessionTimes, plain,
                timeZone);
    }

    public ProgressStatus status() {
        return assessment.status();
    }

    public boolean isDisengagedAsOf(Instant now) {
        return Disengagement.isDisengaged(lastSessionAt, now);
    }

    /** Alerts as of the latest session, with the disengagement alert as of {@code now}. */
    public List<Assessment.Alert> alertsAsOf(Instant now) {
        List<Assessment.Alert> alerts = new ArrayList<>(assessment.alerts().stream()
                .filter(a -> !Disengagement.isDisengagementAlert(a)).toList());
        Disengagement.alert(lastSessionAt, now).ifPresent(alerts::add);
        return alerts;
    }

    /** Sessions in the seven days (and four weeks) up to {@code now}, against the prescription assessed with. */
    public Assessment.Adherence adherenceAsOf(Instant now) {
        return WeeklyAdherence.of(recentSessionTimes, now, assessment.adherence().prescribedPerWeek(), calendar());
    }

    /**
     * The suggested action at {@code now}: the suggestion rule again, with the status and trend of the latest session
     * and the adherence and alerts at {@code now} (a patient who stopped practising is asked for consistency rather than
     * a progression). Only the action: the proposed exercises need the catalog and stay those of the latest session.
     * A safety action stands as decided at the latest session: what raised it (a red flag, worsening, sharp pain, a
     * sudden rise) belongs to that session and time does not clear it; any other action was decided without such signs.
     */
    public SuggestedAction actionAsOf(Instant now) {
        SuggestedAction decided = assessment.suggestion().action();
        if (decided.isSafety()) {
            return decided;
        }
        boolean establishedWeek = ProgressAssessor.establishedWeek(firstSessionAt, now, calendar());
        return ProgressAssessor.suggest(status(), assessment.trend(), adherenceAsOf(now), SafetySigns.NONE,
                assessment.stage() == null ? Stage.first() : assessment.stage(), Set.of(), ExerciseCatalog.EMPTY,
                establishedWeek).action();
    }

    public boolean needsAttentionAsOf(Instant now) {
        return AttentionOrder.needsAttention(status(), isDisengagedAsOf(now));
    }
}
