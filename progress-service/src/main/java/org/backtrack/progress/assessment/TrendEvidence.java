package org.backtrack.progress.assessment;

import java.util.Optional;

/**
 * Decides what a patient's pain series shows as of one calendar day, from the sessions of that day and before:
 * too early to tell, recovered, rising, stopped falling, falling, or unclear. {@link StatusHysteresis} turns the
 * evidence of the last days into the status. Every threshold is defined, with its reason, in docs/analytics.md.
 * <p>
 * The figures are least-squares fits over the daily means of pain before ({@link SegmentedRegression}):
 * <ul>
 *   <li>the <em>trend line</em> over the last {@link #LINE_DAYS} days;</li>
 *   <li>the <em>plateau model</em> over the last {@link #BREAK_WINDOW_DAYS} days: falling until a break
 *       {@link #MIN_BREAK_DAYS}–{@link #MAX_BREAK_DAYS} days ago, flat since, compared with a line over the same
 *       days by an F-test;</li>
 *   <li>the <em>broken line</em> over the same days, free slopes on both sides of a break
 *       {@link #MIN_RISE_DAYS}–{@link #MAX_RISE_DAYS} days ago: whether pain rises now.</li>
 * </ul>
 */
final class TrendEvidence {

    enum Evidence {
        /** Fewer than {@link ProgressAssessor#MIN_SESSIONS} sessions, less than two weeks, or too few trend days. */
        TOO_EARLY,
        /** Current pain at or below {@link ProgressAssessor#RECOVERED_PAIN}. */
        RECOVERED,
        /** Pain rises now, or is a clinically important change above the first week. */
        RISING,
        /** Pain has stopped falling: a break to flat, a flat trend line, or faded relief without a clear fall. */
        STOPPED,
        /** Still falling over the trend line, with no sign of a break, if only weakly (t ≤ {@link #FALLING_T}). */
        FALLING_WEAKLY,
        /** Falling significantly (t ≤ {@link #SIGNIFICANT_FALL_T}): on two session days in a row it ends a plateau. */
        FALLING,
        /** Falling so clearly (t ≤ {@link #CLEARLY_FALLING_T}) that it ends a plateau at once. */
        FALLING_CLEARLY,
        /** Neither, leaning towards improvement: the trend line falls or pain is below the first week's. */
        UNCLEAR_LEANING_FALLING,
        /** Neither, and nothing says the patient improved. */
        UNCLEAR_LEANING_FLAT
    }

    /** Days of the trend line: four weeks, so a slow fall (0.5 a week) stands out from noise. */
    static final int LINE_DAYS = 28;
    /** Days the plateau model and the broken line look at. */
    static final int BREAK_WINDOW_DAYS = 35;
    static final int MIN_BREAK_DAYS = 2;
    static final int MAX_BREAK_DAYS = 24;
    /** Days with sessions the plateau model needs before its break, and after it. */
    static final int MIN_DAYS_BEFORE_BREAK = 7;
    static final int MIN_DAYS_AFTER_BREAK = 3;
    /** The plateau model must beat the line at this significance (F-test)... */
    static final double PLATEAU_ALPHA = 0.008;
    /** ...a fall only counts when the plateau model is this far from significant... */
    static final double NO_BREAK_P = 0.05;
    /** ...and with faded relief, a fall is only clear when the plateau model is not even this close. */
    static final double BREAK_P_WHEN_RELIEF_FADED = 0.2;
    /** Flat trend line: its one-sided 95% lower bound on the slope is above −{@link #MEANINGFUL_FALL_PER_WEEK}. */
    static final double FLAT_Z = 1.645;
    static final double MEANINGFUL_FALL_PER_WEEK = 0.35;
    /** Falling: the trend line's slope in standard errors, and clearly falling. */
    static final double FALLING_T = -1.0;
    static final double SIGNIFICANT_FALL_T = -2.0;
    static final double CLEARLY_FALLING_T = -4.0;
    /** With faded relief: the last days' line must fall at least this clearly to keep the patient improving. */
    static final int SHORT_LINE_DAYS = 10;
    static final double SHORT_FALLING_T = -2.0;
    /** Rising: the broken line's recent slope, at least this steep and this clear, after enough days. */
    static final int MIN_RISE_DAYS = 3;
    static final int MAX_RISE_DAYS = 16;
    static final int MIN_DAYS_AFTER_RISE = 5;
    static final int MIN_DAYS_BEFORE_RISE = 3;
    static final double MIN_RISE_PER_WEEK = 0.5;
    static final double RISE_T = 3.0;
    /** Or the trend line rising at least this steeply, this clearly. */
    static final double LINE_RISE_T = 2.0;
    /** Days with sessions the fits need at all. */
    static final int MIN_FIT_DAYS = 8;
    /** An unclear series leans towards improvement when pain is this far below the first week's. */
    static final double LEANING_IMPROVEMENT = ProgressAssessor.MIN_IMPROVEMENT_SINCE_BASELINE;
    /** Days of the current-pain mean, and the reach of the trend-day count. */
    static final int CURRENT_DAYS = 7;
    static final int TREND_REACH_DAYS = 21;

    private TrendEvidence() {
    }

    static Evidence asOf(PainDays d, long day) {
        int last = d.indexUpTo(day);
        if (last < 0 || d.sessionsUpTo[last] < ProgressAssessor.MIN_SESSIONS
                || d.days[last] - d.firstDay < ProgressAssessor.MIN_SPAN.toDays()
                || last + 1 - d.indexAfter(d.days[last] - TREND_REACH_DAYS) < ProgressAssessor.MIN_TREND_DAYS) {
            return Evidence.TOO_EARLY;
        }
        long asOf = d.days[last];
        double current = currentPain(d, asOf);
        if (current <= ProgressAssessor.RECOVERED_PAIN) {
            return Evidence.RECOVERED;
        }
        double change = current - d.baselinePain;
        Optional<SegmentedRegression.Line> trend = fit(d, asOf, LINE_DAYS);
        if (trend.isEmpty()) {
            return Evidence.TOO_EARLY;
        }
        SegmentedRegression.Line line = trend.get();
        double slopePerWeek = 7 * line.slope();
        double sePerWeek = 7 * line.slopeStandardError();

        double[][] window = points(d, asOf, BREAK_WINDOW_DAYS);
        double[] x = window[0];
        double[] y = window[1];
        Optional<SegmentedRegression.Line> windowLine = x.length >= MIN_FIT_DAYS ? SegmentedRegression.line(x, y) : Optional.empty();
        boolean rising = windowLine.isPresent() && SegmentedRegression.brokenLine(x, y, MIN_RISE_DAYS, MAX_RISE_DAYS,
                        MIN_DAYS_BEFORE_RISE, MIN_DAYS_AFTER_RISE)
                .filter(b -> 7 * b.slopeAfter() >= MIN_RISE_PER_WEEK && b.tAfter() >= RISE_T).isPresent();
        boolean lineRising = slopePerWeek >= ProgressAssessor.MIN_WORSENING_SLOPE_PER_WEEK && line.t() >= LINE_RISE_T;
        if (rising || lineRising || change >= TrendAnalysis.minimalImportantChange(d.baselinePain)) {
            return Evidence.RISING;
        }

        // the plateau model: p-value of a break to flat after a fall (1 when there is none)
        double breakP = windowLine.flatMap(l -> SegmentedRegression.flatAfterBreak(x, y, l, MIN_BREAK_DAYS, MAX_BREAK_DAYS,
                        MIN_DAYS_BEFORE_BREAK, MIN_DAYS_AFTER_BREAK))
                .filter(k -> k.slopeBefore() < 0 && k.f() > 0)
                .map(SegmentedRegression.Kink::pValue).orElse(1.0);
        // flat over four weeks, or over the five of the plateau model (more points when sessions are sparse)
        boolean flat = slopePerWeek - FLAT_Z * sePerWeek > -MEANINGFUL_FALL_PER_WEEK
                || windowLine.filter(l -> 7 * (l.slope() - FLAT_Z * l.slopeStandardError()) > -MEANINGFUL_FALL_PER_WEEK).isPresent();
        if (flat || breakP < PLATEAU_ALPHA) {
            return Evidence.STOPPED;
        }
        boolean faded = ReliefFading.asOf(d, asOf);
        if (faded) {
            Optional<SegmentedRegression.Line> lastDays = fit(d, asOf, SHORT_LINE_DAYS);
            boolean clearlyFalling = lastDays.isPresent() && lastDays.get().t() <= SHORT_FALLING_T
                    && breakP >= BREAK_P_WHEN_RELIEF_FADED;
            if (!clearlyFalling) {
                return Evidence.STOPPED;
            }
        }
        if (line.t() <= FALLING_T && breakP > NO_BREAK_P && !faded) {
            return line.t() <= CLEARLY_FALLING_T ? Evidence.FALLING_CLEARLY
                    : line.t() <= SIGNIFICANT_FALL_T ? Evidence.FALLING : Evidence.FALLING_WEAKLY;
        }
        return line.slope() < 0 || change <= -LEANING_IMPROVEMENT
                ? Evidence.UNCLEAR_LEANING_FALLING : Evidence.UNCLEAR_LEANING_FLAT;
    }

    /** Mean pain before over the sessions of {@code asOf} and the days before it, {@link #CURRENT_DAYS} in all. */
    static double currentPain(PainDays d, long asOf) {
        double sum = 0;
        int count = 0;
        for (int i = d.indexUpTo(asOf); i >= 0 && d.days[i] > asOf - CURRENT_DAYS; i--) {
            sum += d.painSum[i];
            count += d.sessions[i];
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** The least-squares line over the daily means of the {@code days} days up to {@code asOf}. */
    static Optional<SegmentedRegression.Line> fit(PainDays d, long asOf, int days) {
        double[][] p = points(d, asOf, days);
        return SegmentedRegression.line(p[0], p[1]);
    }

    /** Daily means of the {@code days} days up to {@code asOf}: x in days relative to it (0, -1, ...), y in points. */
    static double[][] points(PainDays d, long asOf, int days) {
        int to = d.indexUpTo(asOf);
        int from = d.indexAfter(asOf - days);
        int n = Math.max(0, to + 1 - from);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = d.days[from + i] - asOf;
            y[i] = d.meanPain(from + i);
        }
        return new double[][]{x, y};
    }
}
