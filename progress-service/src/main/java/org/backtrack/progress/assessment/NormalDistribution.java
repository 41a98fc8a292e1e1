package org.backtrack.progress.assessment;

/** Standard normal cumulative distribution, via an erf approximation accurate to about 1e-7 (Abramowitz–Stegun 7.1.26 refined). */
public final class NormalDistribution {

    private NormalDistribution() {
    }

    public static double cdf(double z) {
        return 0.5 * (1 + erf(z / Math.sqrt(2)));
    }

    /** Numerical Recipes' erfc Chebyshev fit, fractional error below 1.2e-7 everywhere. */
    static double erf(double x) {
        double t = 1.0 / (1.0 + 0.5 * Math.abs(x));
        double tau = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? 1 - tau : tau - 1;
    }
}
