package org.backtrack.progress.assessment;

import org.backtrack.events.AlertType;
import org.backtrack.events.ProgressStatus;
import org.backtrack.events.Stage;
import org.backtrack.events.SuggestedAction;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.backtrack.progress.assessment.Assessment.Adherence;
import static org.backtrack.progress.assessment.Assessment.Alert;
import static org.backtrack.progress.assessment.Assessment.Suggestion;
import static org.backtrack.progress.assessment.Assessment.Trend;

/**
 * Status, alerts and suggestion of one patient. Every threshold is defined, with its reason, in
 * docs/analytics.md. Safety first: red flags are checked before anything else and never lead to a progression.
 */
public final class ProgressAssessor {

    public static final int MIN_SESSIONS = 6;
    /** Two weeks of calendar days between the first session's day and the latest's. */
    public static final Duration MIN_SPAN = Duration.ofDays(14);
    public static final int MIN_TREND_DAYS = 6;
    public static final double MIN_WORSENING_SLOPE_PER_WEEK = 0.5;
    public static final double MIN_IMPROVEMENT_SINCE_BASELINE = 0.5;
    public static final double RECOVERED_PAIN = 1.0;
    public static final Duration RED_FLAG_LOOKBACK = Duration.ofDays(14);
    public static final Duration STAGE_LOOKBACK = Duration.ofDays(14);
    public static final int SPIKE_LEVEL = 7;
    public static final int SPIKE_RISE = 2;
    public static final Duration DISENGAGED = Disengagement.DISENGAGED;
    public static final Duration LONG_DISENGAGED = Disengagement.LONG_DISENGAGED;
    public static final double POOR_ADHERENCE = 0.5;
    public static final int MAX_PROPOSED_EXERCISES = 3;

    private final int prescribedPerWeek;

    public ProgressAssessor(int prescribedPerWeek) {
        this.prescribedPerWeek = prescribedPerWeek;
    }

    public ProgressAssessor() {
        this(7);
    }

    /** The prescription adherence is measured against (sessions a week). */
    public int prescribedPerWeek() {
        return prescribedPerWeek;
    }

    /** The assessment in UTC days. */
    public Assessment assess(PatientWindow window, ExerciseCatalog catalog, Instant now) {
        return assess(window, catalog, now, CalendarDays.UTC);
    }

    /**
     * The assessment as of {@code now}, every day counted by {@code calendar} (the clinic's time zone): the daily
     * means the trend and status rules read, the red flags' two weeks and the weekly adherence.
     */
    public Assessment assess(PatientWindow window, ExerciseCatalog catalog, Instant now, CalendarDays calendar) {
        PainDays days = PainDays.of(window, calendar);
        Trend trend = TrendAnalysis.of(days);
        List<PainReading> recent = window.recent();
        Adherence adherence = adherence(recent, now, calendar);
        List<Alert> alerts = alerts(recent, now, calendar);
        ProgressStatus status = status(window, days, now, calendar);
        Stage stage = currentStage(recent, catalog, window.latestAt());
        boolean establishedWeek = establishedWeek(window.firstAt(), now, calendar);
        Suggestion suggestion = suggest(status, trend, adherence, SafetySigns.of(recent), stage,
                focus(recent, catalog, window.latestAt()), catalog, establishedWeek);
        return new Assessment(status, trend, adherence, alerts, suggestion, stage, now);
    }

    /**
     * The status as of {@code now}: a red flag shown ({@link RedFlagRule}) first, so nothing can hide it; otherwise the
     * trend status of the latest session day, judged with the evidence of the days before it
     * ({@link StatusHysteresis}, {@link TrendEvidence}).
     */
    static ProgressStatus status(PatientWindow window, Instant now) {
        return status(window, PainDays.of(window), now, CalendarDays.UTC);
    }

    private static ProgressStatus status(PatientWindow window, PainDays days, Instant now, CalendarDays calendar) {
        if (window.isEmpty()) {
            return ProgressStatus.INSUFFICIENT_DATA;
        }
        if (RedFlagRule.shown(window.recent(), now, calendar).isPresent()) {
            return ProgressStatus.RED_FLAG;
        }
        return StatusHysteresis.status(days);
    }

    private Adherence adherence(List<PainReading> recent, Instant now, CalendarDays calendar) {
        return WeeklyAdherence.of(recent.stream().map(PainReading::completedAt).toList(), now, prescribedPerWeek, calendar);
    }

    /** Whether a week of the clinic's calendar has passed since the first session (the same local time 7 days on). */
    static boolean establishedWeek(Instant firstAt, Instant now, CalendarDays calendar) {
        return firstAt != null && !calendar.daysBefore(now, 7).isBefore(firstAt);
    }

    static List<Alert> alerts(List<PainReading> recent, Instant now) {
        return alerts(recent, now, CalendarDays.UTC);
    }

    static List<Alert> alerts(List<PainReading> recent, Instant now, CalendarDays calendar) {
        List<Alert> alerts = new ArrayList<>();
        if (recent.isEmpty()) {
            return alerts;
        }
        RedFlagRule.shown(recent, now, calendar).ifPresent(r -> alerts.add(new Alert(AlertType.RED_FLAG_SYMPTOM, r.completedAt(),
                "Pain down the leg, numbness or night pain reported")));
        PainReading latest = recent.get(recent.size() - 1);
        if (latest.sharpPain()) {
            alerts.add(new Alert(AlertType.SHARP_PAIN, latest.completedAt(), "Sharp pain reported in the last session"));
        }
        if (latest.painBefore() >= SPIKE_LEVEL) {
            alerts.add(new Alert(AlertType.PAIN_SPIKE, latest.completedAt(), "Pain " + latest.painBefore() + "/10 at the last session"));
        } else if (SafetySigns.suddenRise(recent)) {
            alerts.add(new Alert(AlertType.PAIN_SPIKE, latest.completedAt(), "Pain rose by "
                    + SafetySigns.rise(recent) + " points since the previous session"));
        }
        Disengagement.alert(latest.completedAt(), now).ifPresent(alerts::add);
        return alerts;
    }

    /** The most advanced stage among the exercises done in the last two weeks; the first of the ladder when none is known. */
    static Stage currentStage(List<PainReading> recent, ExerciseCatalog catalog, Instant latest) {
        return recentExercises(recent, catalog, latest).stream()
                .map(ExerciseCatalog.Exercise::stage)
                .filter(Stage::onLadder)
                .max(Comparator.comparingInt(Stage::rung))
                .orElse(Stage.first());
    }

    /** Body regions the patient has been working on recently: the focus proposals should match. */
    static Set<String> focus(List<PainReading> recent, ExerciseCatalog catalog, Instant latest) {
        Set<String> regions = new HashSet<>();
        recentExercises(recent, catalog, latest).forEach(e -> regions.addAll(e.regions()));
        return regions;
    }

    private static List<ExerciseCatalog.Exercise> recentExercises(List<PainReading> recent, ExerciseCatalog catalog, Instant latest) {
        if (latest == null) {
            return List.of();
        }
        return recent.stream()
                .filter(r -> r.completedAt().isAfter(latest.minus(STAGE_LOOKBACK)))
                .flatMap(r -> r.exerciseIds().stream())
                .distinct()
                .flatMap(id -> catalog.find(id).stream())
                .toList();
    }

    /**
     * The suggestion; package-visible so a stored {@link PatientSnapshot} can decide its action again at read time.
     *
     * @param signs what the latest session showed that calls for backing off (typed, never read from alert messages)
     */
    static Suggestion suggest(ProgressStatus status, Trend trend, Adherence adherence, SafetySigns signs,
                              Stage stage, Set<String> focus, ExerciseCatalog catalog, boolean establishedWeek) {
        if (status == ProgressStatus.RED_FLAG) {
            return new Suggestion(SuggestedAction.SEE_A_PROFESSIONAL, List.of(),
                    "Red-flag symptoms (pain down the leg, numbness or night pain) were reported in the last two weeks. "
                            + "Do not progress the routine: the patient should be examined by a professional.");
        }
        boolean sharp = signs.sharpPain();
        boolean suddenRise = signs.suddenRise();
        if (status == ProgressStatus.WORSENING || sharp || suddenRise) {
            String why = status == ProgressStatus.WORSENING
                    ? String.format(Locale.ROOT, "Pain is getting worse (now %.1f/10 against %.1f in the first week).",
                    trend.currentPain(), trend.baselinePain())
                    : sharp ? "Sharp pain was reported in the last session." : "Pain rose suddenly since the previous session.";
            return new Suggestion(SuggestedAction.BACK_OFF, propose(catalog, Stage.RECOVERY_TOOL, focus),
                    why + " Back off: rest, ice or a gentle walk instead of pushing the routine; review it before going on.");
        }
        boolean wouldProgress = status == ProgressStatus.PLATEAU;
        // a patient in their first week cannot have kept a weekly rhythm yet
        boolean inconsistent = adherence.ratio() < POOR_ADHERENCE && establishedWeek;
        if (inconsistent && (wouldProgress || status == ProgressStatus.INSUFFICIENT_DATA)) {
            return new Suggestion(SuggestedAction.IMPROVE_CONSISTENCY, List.of(), String.format(Locale.ROOT,
                    "Only %d session(s) in the last 7 days against %d prescribed. Ten minutes every day matters more than "
                            + "intensity: build the habit before changing the routine.",
                    adherence.sessionsLast7Days(), adherence.prescribedPerWeek()));
        }
        if (wouldProgress) {
            String evidence = String.format(Locale.ROOT,
                    "Pain has stopped falling: %.1f/10 over the last week (%.1f in the first week)%s.",
                    trend.currentPain(), trend.baselinePain(),
                    trend.reliefFading() ? ", and sessions have stopped bringing relief" : "");
            // which action moves the patient on, and to which stage, is the contract's mapping (SuggestedAction)
            SuggestedAction progression = SuggestedAction.progressionFrom(stage);
            Stage next = progression.movesTo().orElseThrow();
            return new Suggestion(progression, propose(catalog, next, focus), evidence + " " + whyMoveTo(next));
        }
        return new Suggestion(SuggestedAction.KEEP_GOING, List.of(), switch (status) {
            case INSUFFICIENT_DATA -> "Not enough sessions yet to judge a trend: at least " + MIN_SESSIONS
                    + " sessions over two weeks are needed. Keep the daily routine.";
            case RECOVERED -> String.format(Locale.ROOT, "Pain is at %.1f/10 over the last week. Keep a short maintenance routine.",
                    trend.currentPain());
            default -> String.format(Locale.ROOT, "Pain is still falling (%+.1f points a week; now %.1f/10, first week %.1f). "
                    + "Keep the current routine.", trend.slopePerWeek(), trend.currentPain(), trend.baselinePain());
        });
    }

    /** The clinical reason to move up to {@code next}, in words a patient understands. */
    private static String whyMoveTo(Stage next) {
        return switch (next) {
            case DEEPER -> "The basics have done what they can: move on to deeper hip and thoracic stretches.";
            case STRENGTHENING -> "Stretching alone lets pain creep back: add strengthening of the deep stabilisers.";
            default -> "The current stage has done what it can: move on to " + next.label() + ".";
        };
    }

    /** Catalog exercises of a stage, those sharing most regions with the patient's focus first. */
    static List<String> propose(ExerciseCatalog catalog, Stage stage, Set<String> focus) {
        return catalog.byId().values().stream()
                .filter(e -> e.stage() == stage)
                .sorted(Comparator.comparingLong((ExerciseCatalog.Exercise e) -> -e.regions().stream().filter(focus::contains).count())
                        .thenComparing(ExerciseCatalog.Exercise::id))
                .limit(MAX_PROPOSED_EXERCISES)
                .map(ExerciseCatalog.Exercise::id)
                .toList();
    }
}
