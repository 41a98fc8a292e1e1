package org.backtrack.progress.assessment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import static org.backtrack.progress.assessment.Assessment.Adherence;
import static org.backtrack.progress.assessment.Assessment.Alert;
import static org.backtrack.progress.assessment.Assessment.AlertType;
import static org.backtrack.progress.assessment.Assessment.Suggestion;
import static org.backtrack.progress.assessment.Assessment.Trend;

/**
 * First version of the progress rules (window means; the robust-slope version replaces the trend part).
 * Thresholds follow docs/analytics.md: minimal important change of 2 NPRS points or 30% of baseline,
 * at least {@value #MIN_SESSIONS} sessions over {@link #MIN_SPAN} before judging a trend.
 */
public final class ProgressAssessor {

    public static final Duration WINDOW = Duration.ofDays(7);
    public static final Duration MIN_SPAN = Duration.ofDays(14);
    public static final int MIN_SESSIONS = 6;
    public static final double MIC_POINTS = 2.0;
    public static final double MIC_FRACTION = 0.30;
    public static final double WORSENING_POINTS = 2.0;
    public static final double RECOVERED_PAIN = 1.0;
    public static final Duration RED_FLAG_LOOKBACK = Duration.ofDays(14);
    public static final int SPIKE_LEVEL = 7;
    public static final int SPIKE_RISE = 2;
    public static final Duration DISENGAGED = Duration.ofDays(3);
    public static final Duration LONG_DISENGAGED = Duration.ofDays(14);
    public static final int PRESCRIBED_PER_WEEK = 7;
    public static final double POOR_ADHERENCE = 0.5;

    public Assessment assess(List<PainReading> unordered, Instant now) {
        List<PainReading> readings = unordered.stream()
                .sorted(Comparator.comparing(PainReading::completedAt).thenComparing(PainReading::sessionId))
                .toList();
        Trend trend = trend(readings);
        Adherence adherence = adherence(readings, now);
        List<Alert> alerts = alerts(readings, now);
        ProgressStatus status = status(readings, trend, now);
        return new Assessment(status, trend, adherence, alerts, suggest(status, readings, adherence, alerts));
    }

    private static Trend trend(List<PainReading> readings) {
        if (readings.isEmpty()) {
            return new Trend(null, null, null, null, false);
        }
        Instant first = readings.get(0).completedAt();
        Instant last = readings.get(readings.size() - 1).completedAt();
        // baseline: [first, first + 7d); current: (last - 7d, last], so both windows span seven days
        double baseline = meanPainBefore(readings, r -> r.completedAt().isBefore(first.plus(WINDOW)));
        double current = meanPainBefore(readings, r -> r.completedAt().isAfter(last.minus(WINDOW)));
        double change = current - baseline;
        Double percent = baseline == 0 ? null : 100.0 * change / baseline;
        boolean meaningful = -change >= MIC_POINTS || (baseline > 0 && -change / baseline >= MIC_FRACTION);
        return new Trend(round(baseline), round(current), round(change), percent == null ? null : round(percent), meaningful);
    }

    private static ProgressStatus status(List<PainReading> readings, Trend trend, Instant now) {
        Instant since = now.minus(RED_FLAG_LOOKBACK);
        if (readings.stream().anyMatch(r -> r.redFlag() && !r.completedAt().isBefore(since))) {
            return ProgressStatus.RED_FLAG;
        }
        if (readings.size() < MIN_SESSIONS
                || Duration.between(readings.get(0).completedAt(), readings.get(readings.size() - 1).completedAt()).compareTo(MIN_SPAN) < 0) {
            return ProgressStatus.INSUFFICIENT_DATA;
        }
        if (trend.currentPain() <= RECOVERED_PAIN && trend.meaningfulImprovement()) {
            return ProgressStatus.RECOVERED;
        }
        if (trend.meaningfulImprovement()) {
            return ProgressStatus.IMPROVING;
        }
        if (trend.changePoints() >= WORSENING_POINTS) {
            return ProgressStatus.WORSENING;
        }
        return ProgressStatus.PLATEAU;
    }

    private static Adherence adherence(List<PainReading> readings, Instant now) {
        Instant since = now.minus(WINDOW);
        int recent = (int) readings.stream().filter(r -> r.completedAt().isAfter(since) && !r.completedAt().isAfter(now)).count();
        return new Adherence(recent, PRESCRIBED_PER_WEEK, round(Math.min(1.0, (double) recent / PRESCRIBED_PER_WEEK)));
    }

    private static List<Alert> alerts(List<PainReading> readings, Instant now) {
        var alerts = new ArrayList<Alert>();
        if (readings.isEmpty()) {
            return alerts;
        }
        PainReading latest = readings.get(readings.size() - 1);
        if (latest.redFlag()) {
            alerts.add(new Alert(AlertType.RED_FLAG_SYMPTOM, latest.completedAt(),
                    "Pain down the leg, numbness or night pain reported in the last session"));
        }
        if (latest.sharpPain()) {
            alerts.add(new Alert(AlertType.SHARP_PAIN, latest.completedAt(), "Sharp pain reported in the last session"));
        }
        if (latest.painBefore() >= SPIKE_LEVEL) {
            alerts.add(new Alert(AlertType.PAIN_SPIKE, latest.completedAt(),
                    "Pain " + latest.painBefore() + "/10 at the last session"));
        } else if (readings.size() > 1 && latest.painBefore() - readings.get(readings.size() - 2).painBefore() >= SPIKE_RISE) {
            alerts.add(new Alert(AlertType.PAIN_SPIKE, latest.completedAt(), "Pain rose by "
                    + (latest.painBefore() - readings.get(readings.size() - 2).painBefore()) + " points since the previous session"));
        }
        Duration silence = Duration.between(latest.completedAt(), now);
        if (silence.compareTo(LONG_DISENGAGED) >= 0) {
            alerts.add(new Alert(AlertType.NO_SESSION_14_DAYS, latest.completedAt(), "No session for " + silence.toDays() + " days"));
        } else if (silence.compareTo(DISENGAGED) >= 0) {
            alerts.add(new Alert(AlertType.NO_SESSION_3_DAYS, latest.completedAt(), "No session for " + silence.toDays() + " days"));
        }
        return alerts;
    }

    private static Suggestion suggest(ProgressStatus status, List<PainReading> readings, Adherence adherence, List<Alert> alerts) {
        if (status == ProgressStatus.RED_FLAG) {
            return new Suggestion(SuggestedAction.SEE_A_PROFESSIONAL, List.of(),
                    "Red-flag symptoms (pain down the leg, numbness or night pain) were reported in the last two weeks. "
                            + "Do not progress the routine; the patient should be examined by a professional.");
        }
        boolean flaredUp = alerts.stream().anyMatch(a -> a.type() == AlertType.SHARP_PAIN || a.type() == AlertType.PAIN_SPIKE);
        if (status == ProgressStatus.WORSENING || flaredUp) {
            return new Suggestion(SuggestedAction.BACK_OFF, List.of(),
                    status == ProgressStatus.WORSENING
                            ? "Pain is meaningfully higher than in the first week. Ease off: rest, ice or a gentle walk, and review the routine."
                            : "The last session reported sharp pain or a pain spike. Ease off for now rather than pushing the routine.");
        }
        if (adherence.ratio() < POOR_ADHERENCE && status != ProgressStatus.IMPROVING && status != ProgressStatus.RECOVERED) {
            return new Suggestion(SuggestedAction.IMPROVE_CONSISTENCY, List.of(), String.format(Locale.ROOT,
                    "Only %d session(s) in the last 7 days. A short routine every day matters more than intensity; "
                            + "build the habit before changing the routine.", adherence.sessionsLast7Days()));
        }
        if (status == ProgressStatus.PLATEAU) {
            return new Suggestion(SuggestedAction.PROGRESS_TO_DEEPER_STRETCHES, List.of(),
                    "Pain has not improved meaningfully since the first week despite regular sessions: "
                            + "the current routine no longer brings relief. Move up to deeper stretches.");
        }
        return new Suggestion(SuggestedAction.KEEP_GOING, List.of(), switch (status) {
            case INSUFFICIENT_DATA -> "Not enough sessions yet to judge a trend (" + readings.size() + " so far). Keep the daily routine.";
            case RECOVERED -> "Pain is at or near zero and well below the first week. Keep a maintenance routine.";
            default -> "Pain is falling by a clinically meaningful amount. Keep the current routine.";
        });
    }

    private static double meanPainBefore(List<PainReading> readings, java.util.function.Predicate<PainReading> inWindow) {
        return readings.stream()
                .filter(inWindow)
                .mapToInt(PainReading::painBefore).average().orElseThrow();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
