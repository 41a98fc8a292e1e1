package org.backtrack.progress.assessment;

import java.util.HashMap;
import java.util.Map;

/**
 * Mann–Kendall test for a monotonic trend in a series ordered in time: S counts rising minus falling pairs;
 * its variance is corrected for ties (pain scores tie often); Z uses the continuity correction and the normal
 * approximation, adequate from about 8 points on.
 */
public final class MannKendall {

    /** @param s the statistic, @param z standardised, @param pValue two-sided */
    public record Result(int s, double variance, double z, double pValue) {

        public boolean significantDecrease(double alpha) {
            return z < 0 && pValue < alpha;
        }

        public boolean significantIncrease(double alpha) {
            return z > 0 && pValue < alpha;
        }
    }

    private MannKendall() {
    }

    public static Result test(double[] series) {
        int n = series.length;
        int s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                s += Double.compare(series[j], series[i]);
            }
        }
        Map<Double, Integer> ties = new HashMap<>();
        for (double value : series) {
            ties.merge(value, 1, Integer::sum);
        }
        double variance = n * (n - 1.0) * (2.0 * n + 5) / 18.0;
        for (int t : ties.values()) {
            variance -= t * (t - 1.0) * (2.0 * t + 5) / 18.0;
        }
        double z = 0;
        if (variance > 0 && s != 0) {
            z = (s - Math.signum(s)) / Math.sqrt(variance);
        }
        double p = variance > 0 ? 2 * (1 - NormalDistribution.cdf(Math.abs(z))) : 1.0;
        return new Result(s, variance, z, Math.min(1.0, p));
    }
}
