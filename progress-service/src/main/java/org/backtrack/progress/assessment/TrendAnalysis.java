package org.backtrack.progress.assessment;

import java.util.Optional;

/**
 * The trend figures shown with an assessment, as of the patient's latest session day; thresholds are explained in
 * docs/analytics.md. The status itself is decided by {@link TrendEvidence} and {@link StatusHysteresis} from the same
 * daily figures.
 */
public final class TrendAnalysis {

    /** The trend line spans this many days up to the latest session's (see {@link TrendEvidence#LINE_DAYS}). */
    public static final int TREND_WINDOW_DAYS = TrendEvidence.LINE_DAYS;
    /** Trend days (for {@link ProgressAssessor#MIN_TREND_DAYS}) are counted within this many days of the latest. */
    public static final int TREND_REACH_DAYS = TrendEvidence.TREND_REACH_DAYS;
    /** Current pain and relief: the sessions of the latest day and the six before. */
    public static final int CURRENT_DAYS = TrendEvidence.CURRENT_DAYS;
    /** Days with sessions the short slope looks at (informative only). */
    public static final int SHORT_TREND_DAYS = 7;
    public static final double SHORT_SLOPE_MIN_GAP_DAYS = 3;
    public static final double RELATIVE_MIC = 0.30;
    public static final double MIN_RELATIVE_DROP_POINTS = 1.0;

    private TrendAnalysis() {
    }

    /** Baseline-dependent minimal important change on NPRS: about 1 point (mild), 2 (moderate), 3 (severe). */
    public static double minimalImportantChange(double baseline) {
        return baseline < 5 ? 1.0 : baseline < 8 ? 2.0 : 3.0;
    }

    /** A drop counts when it reaches the baseline's MIC, or 30% of baseline while being at least one point. */
    public static boolean meaningfulDrop(double baseline, double drop) {
        return drop >= minimalImportantChange(baseline)
                || (baseline > 0 && drop / baseline >= RELATIVE_MIC && drop >= MIN_RELATIVE_DROP_POINTS);
    }

    public static Assessment.Trend of(PatientWindow window) {
        return of(PainDays.of(window));
    }

    public static Assessment.Trend of(PatientWindow window, CalendarDays calendar) {
        return of(PainDays.of(window, calendar));
    }

    static Assessment.Trend of(PainDays d) {
        if (d.isEmpty() || d.baselineSessions == 0) {
            return Assessment.Trend.NONE;
        }
        long latest = d.lastDay();
        double baseline = d.baselinePain;
        double now = TrendEvidence.currentPain(d, latest);
        double change = now - baseline;
        double mic = minimalImportantChange(baseline);

        double[][] p = TrendEvidence.points(d, latest, TREND_WINDOW_DAYS);
        Optional<SegmentedRegression.Line> line = SegmentedRegression.line(p[0], p[1]);
        Double slope = line.map(l -> round(7 * l.slope())).orElse(null);
        Double pValue = line.map(l -> round(l.twoSidedP(), 4)).orElse(null);

        double reliefBaseline = d.baselineRelief;
        double reliefNow = mean(d, latest - CURRENT_DAYS, latest, true);
        double previous = mean(d, latest - 2 * CURRENT_DAYS, latest - CURRENT_DAYS, false);
        Double weekOverWeek = Double.isNaN(previous) ? null : round(now - previous);
        Double lastWeekSlope = null;
        int n = p[0].length;
        if (n >= SHORT_TREND_DAYS) {
            double[] xs = java.util.Arrays.copyOfRange(p[0], n - SHORT_TREND_DAYS, n);
            double[] ys = java.util.Arrays.copyOfRange(p[1], n - SHORT_TREND_DAYS, n);
            double shortSlope = TheilSen.slope(xs, ys, SHORT_SLOPE_MIN_GAP_DAYS);
            lastWeekSlope = Double.isNaN(shortSlope) ? null : round(shortSlope * 7);
        }
        return new Assessment.Trend(round(baseline), round(now), round(change),
                baseline == 0 ? null : round(100 * change / baseline), mic, meaningfulDrop(baseline, -change),
                slope, pValue, n, round(reliefBaseline), round(reliefNow), ReliefFading.asOf(d, latest),
                weekOverWeek, lastWeekSlope);
    }

    /** Mean pain before (or relief) over the sessions of the days in (from, to]. */
    private static double mean(PainDays d, long from, long to, boolean relief) {
        double sum = 0;
        int count = 0;
        for (int i = d.indexUpTo(to); i >= 0 && d.days[i] > from; i--) {
            sum += relief ? d.reliefSum[i] : d.painSum[i];
            count += d.sessions[i];
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    static double round(double value) {
        return round(value, 2);
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
