package org.backtrack.progress.assessment;

import java.util.Optional;

/**
 * Least-squares fits of daily pain over time, for the trend rules (thresholds and reasons in docs/analytics.md):
 * <ul>
 *   <li>a straight {@link Line}: still falling (or rising) at a steady rate;</li>
 *   <li>a line that stops and stays flat after a break ({@link #flatAfterBreak}, segmented regression with the second
 *       segment's slope fixed at 0): the plateau model, compared with the line by an F-test;</li>
 *   <li>a {@link BrokenLine} with a free slope after the break: what rises now, whatever came before.</li>
 * </ul>
 * x is in days (the as-of day at 0, earlier days negative), y in points; the break is searched over whole days.
 * Every fit uses every point of its window, and a score is bounded (0–10), so one odd day moves it by a bounded
 * amount. Plain loops: a patient's assessment runs these fits for each of its last few days.
 */
public final class SegmentedRegression {

    /**
     * Floor of the residual variance (points²): below the rounding noise of an integer score (1/12 ≈ 0.083), so it only
     * keeps a noiseless series (tests, constant pain) from giving infinite t and F values.
     */
    public static final double MIN_RESIDUAL_VARIANCE = 0.05;

    private SegmentedRegression() {
    }

    /** y = intercept + slope · x. */
    public record Line(int points, double intercept, double slope, double rss, double sxx) {

        public double residualVariance() {
            return Math.max(points > 2 ? rss / (points - 2) : rss, MIN_RESIDUAL_VARIANCE);
        }

        public double slopeStandardError() {
            return Math.sqrt(residualVariance() / sxx);
        }

        /** The slope in standard errors. */
        public double t() {
            return slope / slopeStandardError();
        }

        public double twoSidedP() {
            return StudentT.twoSidedP(t(), Math.max(1, points - 2));
        }
    }

    /**
     * The best flat-after-break fit, y = a + slopeBefore · min(x − breakAt, 0), and its F-test against the line:
     * f = (rss of the line − rss of this fit) / residual variance of this fit, with {@code points − 3} degrees of
     * freedom (one parameter more than the line, the break).
     */
    public record Kink(int points, double breakAt, double slopeBefore, double rss, double f, double pValue) {
    }

    /** y = a + slopeBefore · min(x − breakAt, 0) + slopeAfter · max(x − breakAt, 0). */
    public record BrokenLine(int points, double breakAt, double slopeBefore, double slopeAfter, double slopeAfterSe,
                             double rss) {

        public double tAfter() {
            return slopeAfter / slopeAfterSe;
        }
    }

    /** The least-squares line, or empty with fewer than 3 points or a single x. */
    public static Optional<Line> line(double[] x, double[] y) {
        int n = x.length;
        if (n < 3) {
            return Optional.empty();
        }
        double mx = mean(x);
        double my = mean(y);
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        if (sxx == 0) {
            return Optional.empty();
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double rss = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - intercept - slope * x[i];
            rss += r * r;
        }
        return Optional.of(new Line(n, intercept, slope, rss, sxx));
    }

    /**
     * The flat-after-break fit with the smallest residuals, over breaks {@code minBack}–{@code maxBack} days before
     * x = 0 with at least {@code minBefore} points before the break and {@code minAfter} after it.
     */
    public static Optional<Kink> flatAfterBreak(double[] x, double[] y, Line line, int minBack, int maxBack,
                                                int minBefore, int minAfter) {
        int n = x.length;
        Sums sums = new Sums(x, y);
        double best = Double.POSITIVE_INFINITY;
        double bestBreak = Double.NaN;
        double bestSlope = Double.NaN;
        double my = sums.sy(n) / n;
        double syyCentred = sums.syy - sums.sy(n) * my;
        for (int back = minBack; back <= maxBack; back++) {
            double tau = -back;
            int before = sums.countBelow(tau);
            if (before < minBefore || n - sums.countUpTo(tau) < minAfter) {
                continue;
            }
            // z = min(x − τ, 0) is x − τ on the points before the break and 0 elsewhere
            double sz = sums.sx(before) - tau * before;
            double szz = sums.sxx(before) - 2 * tau * sums.sx(before) + tau * tau * before - sz * sz / n;
            double szy = sums.sxy(before) - tau * sums.sy(before) - sz * my;
            if (szz <= 0) {
                continue;
            }
            double b = szy / szz;
            double rss = Math.max(0, syyCentred - b * szy);
            if (rss < best) {
                best = rss;
                bestBreak = tau;
                bestSlope = b;
            }
        }
        if (Double.isInfinite(best) || n < 4) {
            return Optional.empty();
        }
        double variance = Math.max(best / (n - 3), MIN_RESIDUAL_VARIANCE);
        double f = (line.rss() - best) / variance;
        return Optional.of(new Kink(n, bestBreak, bestSlope, best, f, StudentT.fTestP(f, n - 3)));
    }

    /**
     * The broken line with the smallest residuals, over breaks {@code minBack}–{@code maxBack} days before x = 0
     * with at least {@code minBefore} points before the break and {@code minAfter} after it.
     */
    public static Optional<BrokenLine> brokenLine(double[] x, double[] y, int minBack, int maxBack, int minBefore,
                                                  int minAfter) {
        int n = x.length;
        if (n < 4) {
            return Optional.empty();
        }
        Sums sums = new Sums(x, y);
        BrokenLine best = null;
        for (int back = minBack; back <= maxBack; back++) {
            double tau = -back;
            int before = sums.countBelow(tau);
            int upTo = sums.countUpTo(tau);
            int after = n - upTo;
            if (before < minBefore || after < minAfter) {
                continue;
            }
            // normal equations of y on (1, z, w), z = min(x − τ, 0) and w = max(x − τ, 0) (never both non-zero)
            double sz = sums.sx(before) - tau * before;
            double sw = (sums.sx(n) - sums.sx(upTo)) - tau * after;
            double szz = sums.sxx(before) - 2 * tau * sums.sx(before) + tau * tau * before;
            double sww = (sums.sxx(n) - sums.sxx(upTo)) - 2 * tau * (sums.sx(n) - sums.sx(upTo)) + tau * tau * after;
            double szy = sums.sxy(before) - tau * sums.sy(before);
            double swy = (sums.sxy(n) - sums.sxy(upTo)) - tau * (sums.sy(n) - sums.sy(upTo));
            double[][] inverse = invert3(new double[][]{{n, sz, sw}, {sz, szz, 0}, {sw, 0, sww}});
            if (inverse == null) {
                continue;
            }
            double[] xty = {sums.sy(n), szy, swy};
            double[] beta = new double[3];
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    beta[r] += inverse[r][c] * xty[c];
                }
            }
            // the least-squares residuals: yᵀy − βᵀXᵀy
            double rss = Math.max(0, sums.syy - (beta[0] * xty[0] + beta[1] * xty[1] + beta[2] * xty[2]));
            if (best == null || rss < best.rss()) {
                double variance = Math.max(rss / (n - 3), MIN_RESIDUAL_VARIANCE);
                best = new BrokenLine(n, tau, beta[1], beta[2], Math.sqrt(variance * inverse[2][2]), rss);
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Prefix sums of the points in ascending x, so that each candidate break costs a few operations rather than a pass
     * over the points (the status judges several days per session, each over up to 23 breaks).
     */
    private static final class Sums {
        private final double[] xs;
        private final double[] sx;
        private final double[] sxx;
        private final double[] sy;
        private final double[] sxy;
        private final double syy;

        Sums(double[] x, double[] y) {
            int n = x.length;
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
            xs = new double[n];
            sx = new double[n + 1];
            sxx = new double[n + 1];
            sy = new double[n + 1];
            sxy = new double[n + 1];
            double squares = 0;
            for (int k = 0; k < n; k++) {
                double xi = x[order[k]];
                double yi = y[order[k]];
                xs[k] = xi;
                sx[k + 1] = sx[k] + xi;
                sxx[k + 1] = sxx[k] + xi * xi;
                sy[k + 1] = sy[k] + yi;
                sxy[k + 1] = sxy[k] + xi * yi;
                squares += yi * yi;
            }
            syy = squares;
        }

        /** Sums over the first {@code k} points in ascending x. */
        double sx(int k) {
            return sx[k];
        }

        double sxx(int k) {
            return sxx[k];
        }

        double sy(int k) {
            return sy[k];
        }

        double sxy(int k) {
            return sxy[k];
        }

        /** How many points lie below {@code tau}. */
        int countBelow(double tau) {
            int k = 0;
            while (k < xs.length && xs[k] < tau) {
                k++;
            }
            return k;
        }

        /** How many points lie at or below {@code tau}. */
        int countUpTo(double tau) {
            int k = 0;
            while (k < xs.length && xs[k] <= tau) {
                k++;
            }
            return k;
        }
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double d : v) {
            sum += d;
        }
        return sum / v.length;
    }

    /** The inverse of a symmetric positive 3×3 matrix, or null when it is (nearly) singular. */
    private static double[][] invert3(double[][] m) {
        double c00 = m[1][1] * m[2][2] - m[1][2] * m[2][1];
        double c01 = m[1][2] * m[2][0] - m[1][0] * m[2][2];
        double c02 = m[1][0] * m[2][1] - m[1][1] * m[2][0];
        double det = m[0][0] * c00 + m[0][1] * c01 + m[0][2] * c02;
        double scale = Math.abs(m[0][0] * m[1][1] * m[2][2]);
        if (scale == 0 || Math.abs(det) < 1e-12 * scale) {
            return null;
        }
        double[][] inv = new double[3][3];
        inv[0][0] = c00 / det;
        inv[0][1] = (m[0][2] * m[2][1] - m[0][1] * m[2][2]) / det;
        inv[0][2] = (m[0][1] * m[1][2] - m[0][2] * m[1][1]) / det;
        inv[1][0] = c01 / det;
        inv[1][1] = (m[0][0] * m[2][2] - m[0][2] * m[2][0]) / det;
        inv[1][2] = (m[0][2] * m[1][0] - m[0][0] * m[1][2]) / det;
        inv[2][0] = c02 / det;
        inv[2][1] = (m[0][1] * m[2][0] - m[0][0] * m[2][1]) / det;
        inv[2][2] = (m[0][0] * m[1][1] - m[0][1] * m[1][0]) / det;
        return inv;
    }
}
