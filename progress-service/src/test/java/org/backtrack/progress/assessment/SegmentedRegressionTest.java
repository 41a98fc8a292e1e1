package org.backtrack.progress.assessment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SegmentedRegressionTest {

    static double[] days(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i - (n - 1);
        }
        return x;
    }

    @Test
    void aLineThroughThreePointsByHand() {
        // x = -2, -1, 0; y = 5, 4, 4: slope -0.5, intercept 23/6, rss 1/6, sxx 2
        SegmentedRegression.Line line = SegmentedRegression.line(new double[]{-2, -1, 0}, new double[]{5, 4, 4}).orElseThrow();
        assertThat(line.slope()).isCloseTo(-0.5, within(1e-12));
        assertThat(line.intercept()).isCloseTo(23.0 / 6, within(1e-12));
        assertThat(line.rss()).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(line.sxx()).isEqualTo(2.0);
        // residual variance 1/6 with one degree of freedom; t = -0.5 / sqrt(1/12)
        assertThat(line.t()).isCloseTo(-0.5 / Math.sqrt(1.0 / 12), within(1e-9));
    }

    @Test
    void noLineWithoutThreePointsOrTwoDays() {
        assertThat(SegmentedRegression.line(new double[]{0, 1}, new double[]{1, 2})).isEmpty();
        assertThat(SegmentedRegression.line(new double[]{0, 0, 0}, new double[]{1, 2, 3})).isEmpty();
    }

    @Test
    void aNoiselessLineHasTheFloorVarianceSoItsTIsFinite() {
        SegmentedRegression.Line line = SegmentedRegression.line(days(10), new double[]{9, 8, 7, 6, 5, 4, 3, 2, 1, 0}).orElseThrow();
        assertThat(line.slope()).isCloseTo(-1, within(1e-12));
        assertThat(line.residualVariance()).isEqualTo(SegmentedRegression.MIN_RESIDUAL_VARIANCE);
        assertThat(line.t()).isFinite().isCloseTo(-1 / Math.sqrt(0.05 / 82.5), within(1e-9));
    }

    /** Noiseless courses: falling at {@code slope} a day until {@code back} days ago, flat since. */
    @ParameterizedTest(name = "n {0}, slope {1}, break {2} days ago")
    @MethodSource("kinks")
    void theFlatAfterBreakFitFindsTheBreakAndTheSlopeOfANoiselessPlateau(int n, double slope, int back) {
        double[] x = days(n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 6 + slope * Math.min(x[i] + back, 0);
        }
        SegmentedRegression.Line line = SegmentedRegression.line(x, y).orElseThrow();
        SegmentedRegression.Kink kink = SegmentedRegression.flatAfterBreak(x, y, line, 2, n - 4, 3, 3).orElseThrow();
        assertThat(kink.breakAt()).isEqualTo(-back);
        assertThat(kink.slopeBefore()).isCloseTo(slope, within(1e-9));
        assertThat(kink.rss()).isCloseTo(0, within(1e-9));
        assertThat(kink.f()).isGreaterThan(0);
        // the broken line finds the same break, flat after it
        SegmentedRegression.BrokenLine broken = SegmentedRegression.brokenLine(x, y, 2, n - 4, 3, 3).orElseThrow();
        assertThat(broken.breakAt()).isEqualTo(-back);
        assertThat(broken.slopeAfter()).isCloseTo(0, within(1e-9));
        assertThat(broken.slopeBefore()).isCloseTo(slope, within(1e-9));
    }

    static Stream<Arguments> kinks() {
        Random random = new Random(3);
        List<Arguments> cases = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            int n = 14 + random.nextInt(22);
            cases.add(Arguments.of(n, -(0.05 + random.nextDouble() * 0.3), 3 + random.nextInt(n - 8)));
        }
        return cases.stream();
    }

    /** Noisy straight lines: the plateau model rarely beats the line (its p-value is roughly uniform, not small). */
    @Test
    void onStraightNoisyLinesThePlateauModelIsRarelySignificant() {
        Random random = new Random(11);
        int significant = 0;
        int trials = 2000;
        for (int trial = 0; trial < trials; trial++) {
            int n = 20 + random.nextInt(15);
            double[] x = days(n);
            double[] y = new double[n];
            double slope = -(0.05 + random.nextDouble() * 0.1);
            for (int i = 0; i < n; i++) {
                y[i] = 6 + slope * x[i] + random.nextGaussian() * 0.7;
            }
            SegmentedRegression.Line line = SegmentedRegression.line(x, y).orElseThrow();
            significant += SegmentedRegression.flatAfterBreak(x, y, line, 2, 24, 7, 3)
                    .filter(k -> k.slopeBefore() < 0 && k.pValue() < 0.008).isPresent() ? 1 : 0;
        }
        // a single break would be significant at 0.8%; searching 23 breaks raises that, but only a few-fold
        System.out.printf("plateau model significant on %d of %d noisy straight lines%n", significant, trials);
        assertThat(significant).isLessThan(trials * 8 / 100);
    }

    @Test
    void theBrokenLineSeesARiseAfterAFall() {
        double[] x = days(30);
        double[] y = new double[30];
        for (int i = 0; i < 30; i++) {
            y[i] = x[i] < -8 ? 5 - 0.1 * (x[i] + 8) : 5 + 0.15 * (x[i] + 8);
        }
        SegmentedRegression.BrokenLine broken = SegmentedRegression.brokenLine(x, y, 3, 16, 3, 5).orElseThrow();
        assertThat(broken.breakAt()).isEqualTo(-8);
        assertThat(broken.slopeAfter()).isCloseTo(0.15, within(1e-9));
        assertThat(broken.slopeBefore()).isCloseTo(-0.1, within(1e-9));
        assertThat(broken.tAfter()).isGreaterThan(3);
    }

    @Test
    void breaksNeedTheirPointsOnBothSides() {
        double[] x = {-9, -8, -7, -6, -2, -1, 0};
        double[] y = {5, 5, 4, 4, 3, 3, 3};
        SegmentedRegression.Line line = SegmentedRegression.line(x, y).orElseThrow();
        // at least 7 points before the break: none of these breaks has them
        assertThat(SegmentedRegression.flatAfterBreak(x, y, line, 2, 24, 7, 3)).isEmpty();
        assertThat(SegmentedRegression.brokenLine(x, y, 3, 16, 3, 5)).isEmpty();
    }

    /**
     * The prefix-sum fits against the textbook computation (every candidate break fitted from scratch, residuals summed
     * point by point) on random noisy series with gaps, in random order: the same smallest residuals and F value.
     */
    @Test
    void theFastFitsAgreeWithFittingEveryBreakFromScratch() {
        Random random = new Random(20261201);
        for (int round = 0; round < 2000; round++) {
            int span = 8 + random.nextInt(30);
            List<double[]> points = new ArrayList<>();
            for (int day = -span + 1; day <= 0; day++) {
                if (random.nextDouble() < 0.75) {
                    points.add(new double[]{day, Math.max(0, Math.min(10, 6 + 0.1 * day * random.nextInt(3) + random.nextGaussian()))});
                }
            }
            java.util.Collections.shuffle(points, random);
            double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
            double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
            var line = SegmentedRegression.line(x, y);
            if (line.isEmpty()) {
                continue;
            }
            var kink = SegmentedRegression.flatAfterBreak(x, y, line.get(), 2, 24, 7, 3);
            var reference = referenceFlatAfterBreakRss(x, y, 2, 24, 7, 3);
            assertThat(kink.map(SegmentedRegression.Kink::rss).orElse(Double.NaN))
                    .isCloseTo(reference, within(1e-7));
            var broken = SegmentedRegression.brokenLine(x, y, 3, 16, 3, 5);
            var referenceBroken = referenceBrokenLineRss(x, y, 3, 16, 3, 5);
            assertThat(broken.map(SegmentedRegression.BrokenLine::rss).orElse(Double.NaN)).isCloseTo(referenceBroken, within(1e-7));
        }
    }

    private static double referenceFlatAfterBreakRss(double[] x, double[] y, int minBack, int maxBack, int minBefore, int minAfter) {
        int n = x.length;
        double best = Double.NaN;
        for (double tau : candidateBreaks(x, minBack, maxBack, minBefore, minAfter)) {
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = Math.min(x[i] - tau, 0);
            }
            double rss = SegmentedRegression.line(z, y).map(SegmentedRegression.Line::rss).orElse(Double.NaN);
            if (!Double.isNaN(rss) && (Double.isNaN(best) || rss < best)) {
                best = rss;
            }
        }
        return best;
    }

    private static double referenceBrokenLineRss(double[] x, double[] y, int minBack, int maxBack, int minBefore, int minAfter) {
        int n = x.length;
        double best = Double.NaN;
        for (double tau : candidateBreaks(x, minBack, maxBack, minBefore, minAfter)) {
            // least squares on (1, z, w) by Gram-Schmidt, residuals summed point by point
            double[][] columns = new double[3][n];
            for (int i = 0; i < n; i++) {
                columns[0][i] = 1;
                columns[1][i] = Math.min(x[i] - tau, 0);
                columns[2][i] = Math.max(x[i] - tau, 0);
            }
            double[] residual = y.clone();
            List<double[]> basis = new ArrayList<>();
            boolean singular = false;
            for (double[] column : columns) {
                double[] v = column.clone();
                for (double[] q : basis) {
                    removeComponent(v, q);
                }
                double norm = sumOfSquares(v);
                if (norm < 1e-9) {
                    singular = true;
                    break;
                }
                for (int i = 0; i < n; i++) {
                    v[i] /= Math.sqrt(norm);
                }
                basis.add(v);
            }
            if (singular) {
                continue;
            }
            for (double[] q : basis) {
                removeComponent(residual, q);
            }
            double rss = sumOfSquares(residual);
            if (Double.isNaN(best) || rss < best) {
                best = rss;
            }
        }
        return best;
    }

    /** The breaks the search tries, {@code -back} days: those with enough points before and after them (and 4 in all). */
    private static List<Double> candidateBreaks(double[] x, int minBack, int maxBack, int minBefore, int minAfter) {
        List<Double> breaks = new ArrayList<>();
        for (int back = minBack; back <= maxBack && x.length >= 4; back++) {
            double tau = -back;
            if (countWhere(x, v -> v < tau) >= minBefore && countWhere(x, v -> v > tau) >= minAfter) {
                breaks.add(tau);
            }
        }
        return breaks;
    }

    /** Takes from {@code v} its component along the unit vector {@code q}. */
    private static void removeComponent(double[] v, double[] q) {
        double dot = 0;
        for (int i = 0; i < v.length; i++) {
            dot += q[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] -= dot * q[i];
        }
    }

    private static double sumOfSquares(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v * v;
        }
        return sum;
    }

    private static int countWhere(double[] values, java.util.function.DoublePredicate test) {
        int count = 0;
        for (double v : values) {
            if (test.test(v)) {
                count++;
            }
        }
        return count;
    }
}
