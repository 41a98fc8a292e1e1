package org.backtrack.progress.assessment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Theil–Sen estimator: the median of the slopes between every pair of points. Robust to outliers (one bad day
 * does not tilt it), unlike least squares. O(n²) pairs; callers use it on windows of a few weeks.
 */
public final class TheilSen {

    private TheilSen() {
    }

    /** @return slope in y units per x unit, or NaN with fewer than two distinct x values */
    public static double slope(double[] x, double[] y) {
        return slope(x, y, Double.MIN_VALUE);
    }

    /**
     * Slope over the pairs at least {@code minGap} apart in x. On integer scores (pain 0..10) neighbouring days
     * tie so often that the median of all pairwise slopes collapses to 0 on a real decline; pairs a few days
     * apart carry the trend.
     */
    public static double slope(double[] x, double[] y, double minGap) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length");
        }
        List<Double> slopes = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                if (Math.abs(x[j] - x[i]) >= minGap) {
                    slopes.add((y[j] - y[i]) / (x[j] - x[i]));
                }
            }
        }
        if (slopes.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(slopes);
        int middle = slopes.size() / 2;
        return slopes.size() % 2 == 1 ? slopes.get(middle) : (slopes.get(middle - 1) + slopes.get(middle)) / 2.0;
    }
}
