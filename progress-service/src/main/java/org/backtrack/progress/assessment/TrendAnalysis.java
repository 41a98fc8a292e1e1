package org.backtrack.progress.assessment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/** Trend figures of one patient window; thresholds are explained in docs/analytics.md. */
public final class TrendAnalysis {

    /** The slope and the Mann–Kendall test look at the last this many days with sessions... */
    public static final int TREND_WINDOW_DAYS = 13;
    /** ...as long as they lie within this many days of the latest session (irregular patients reach further back). */
    public static final int TREND_REACH_DAYS = 21;
    /** Slopes are taken between days at least this far apart (see {@link TheilSen#slope(double[], double[], double)}). */
    public static final double SLOPE_MIN_GAP_DAYS = 7;
    public static final Duration CURRENT = Duration.ofDays(7);
    /** Days with sessions the short slope looks at; it decides only once relief has faded. */
    public static final int SHORT_TREND_DAYS = 7;
    public static final double SHORT_SLOPE_MIN_GAP_DAYS = 3;
    public static final double RELATIVE_MIC = 0.30;
    public static final double MIN_RELATIVE_DROP_POINTS = 1.0;
    public static final double FADED_RELIEF = 0.5;
    public static final double RELIEF_DROP = 1.0;

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
        if (window.isEmpty() || window.baseline().isEmpty()) {
            return Assessment.Trend.NONE;
        }
        Instant latest = window.latestAt();
        Instant currentFrom = latest.minus(CURRENT);
        Instant previousFrom = latest.minus(CURRENT.multipliedBy(2));
        Predicate<PainReading> current = r -> r.completedAt().isAfter(currentFrom);
        double baseline = mean(window.baseline(), r -> true, PainReading::painBefore);
        double now = mean(window.recent(), current, PainReading::painBefore);
        double change = now - baseline;
        double mic = minimalImportantChange(baseline);

        Map<LocalDate, Double> daily = dailyMeans(window.recent(), latest);
        double[] x = daily.keySet().stream().mapToDouble(d -> d.toEpochDay()).toArray();
        double[] y = daily.values().stream().mapToDouble(Double::doubleValue).toArray();
        Double slope = null;
        Double p = null;
        if (y.length >= 2) {
            slope = round(TheilSen.slope(x, y, SLOPE_MIN_GAP_DAYS) * 7);
            if (slope.isNaN()) {
                slope = round(TheilSen.slope(x, y) * 7);
            }
            p = round(MannKendall.test(y).pValue(), 4);
        }
        double reliefBaseline = mean(window.baseline(), r -> true, PainReading::relief);
        double reliefNow = mean(window.recent(), current, PainReading::relief);
        boolean fading = reliefNow <= FADED_RELIEF && reliefBaseline - reliefNow >= RELIEF_DROP;
        double previous = mean(window.recent(), r -> !current.test(r) && r.completedAt().isAfter(previousFrom),
                PainReading::painBefore);
        Double weekOverWeek = Double.isNaN(previous) ? null : round(now - previous);
        Double lastWeekSlope = null;
        if (y.length >= SHORT_TREND_DAYS) {
            double[] xs = java.util.Arrays.copyOfRange(x, x.length - SHORT_TREND_DAYS, x.length);
            double[] ys = java.util.Arrays.copyOfRange(y, y.length - SHORT_TREND_DAYS, y.length);
            double shortSlope = TheilSen.slope(xs, ys, SHORT_SLOPE_MIN_GAP_DAYS);
            lastWeekSlope = Double.isNaN(shortSlope) ? null : round(shortSlope * 7);
        }
        return new Assessment.Trend(round(baseline), round(now), round(change),
                baseline == 0 ? null : round(100 * change / baseline), mic, meaningfulDrop(baseline, -change),
                slope, p, y.length, round(reliefBaseline), round(reliefNow), fading, weekOverWeek, lastWeekSlope);
    }

    /** Mean pain before per calendar day ({@link CalendarDays#UTC}) over the trend window ending on the latest session's day. */
    static Map<LocalDate, Double> dailyMeans(List<PainReading> readings, Instant latest) {
        LocalDate last = CalendarDays.UTC.dayOf(latest);
        LocalDate reach = last.minusDays(TREND_REACH_DAYS - 1L);
        TreeMap<LocalDate, Double> all = readings.stream()
                .filter(r -> !day(r).isBefore(reach) && !day(r).isAfter(last))
                .collect(Collectors.groupingBy(TrendAnalysis::day, TreeMap::new,
                        Collectors.averagingInt(PainReading::painBefore)));
        while (all.size() > TREND_WINDOW_DAYS) {
            all.pollFirstEntry();
        }
        return all;
    }

    static LocalDate day(PainReading reading) {
        return CalendarDays.UTC.dayOf(reading.completedAt());
    }

    private static double mean(List<PainReading> readings, Predicate<PainReading> filter, ToIntFunction<PainReading> value) {
        // a loop, not a stream: it runs several times per session assessed
        long sum = 0;
        int count = 0;
        for (PainReading reading : readings) {
            if (filter.test(reading)) {
                sum += value.applyAsInt(reading);
                count++;
            }
        }
        return count == 0 ? Double.NaN : (double) sum / count;
    }

    static double round(double value) {
        return round(value, 2);
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
