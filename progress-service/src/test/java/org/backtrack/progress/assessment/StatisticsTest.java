package org.backtrack.progress.assessment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Hand-computed cases of the trend statistics. */
class StatisticsTest {

    @Test
    void theilSenIgnoresASingleOutlier() {
        // ten pairwise slopes: six of 1, then 25, 33, 49, 97 -> median (1 + 1) / 2
        double[] x = {0, 1, 2, 3, 4};
        double[] y = {0, 1, 2, 3, 100};
        assertThat(TheilSen.slope(x, y)).isEqualTo(1.0);
    }

    @Test
    void theilSenOfAFallingSeries() {
        // pairs: (-1), (-1.5), (-1.333), (-2), (-1.5), (-1) -> sorted -2, -1.5, -1.5, -1.333, -1, -1 -> median -1.4167
        double[] x = {0, 1, 2, 3};
        double[] y = {7, 6, 4, 3};
        assertThat(TheilSen.slope(x, y)).isCloseTo(-1.41667, within(1e-4));
    }

    @Test
    void theilSenNeedsTwoDistinctX() {
        assertThat(TheilSen.slope(new double[]{1}, new double[]{5})).isNaN();
    }

    @ParameterizedTest(name = "P(|T| >= {0}), {1} df = {2}")
    @CsvSource({
            "0, 10, 1.0",
            "1, 1, 0.5",            // Cauchy: P(|T| >= 1) = 1/2
            "2.228139, 10, 0.05",   // the two-sided 5% critical values of the tables
            "2.042272, 30, 0.05",
            "2.845340, 20, 0.01",
            "4.302653, 2, 0.05",
            "1.959964, 100000, 0.05", // towards the normal
            "-2.228139, 10, 0.05"})
    void studentTMatchesTables(double t, double df, double p) {
        assertThat(StudentT.twoSidedP(t, df)).isCloseTo(p, within(1e-5));
    }

    @ParameterizedTest(name = "P(F(1, {1}) >= {0}) = {2}")
    @CsvSource({"4.964603, 10, 0.05", "7.562476, 30, 0.01", "0, 12, 1.0", "-3, 12, 1.0"})
    void anFTestOfOneParameterIsATwoSidedTTest(double f, double df, double p) {
        assertThat(StudentT.fTestP(f, df)).isCloseTo(p, within(1e-5));
    }

    @ParameterizedTest(name = "baseline {0}: MIC {1}")
    @CsvSource({"2, 1", "4.9, 1", "5, 2", "7.5, 2", "8, 3", "10, 3"})
    void minimalImportantChangeDependsOnBaseline(double baseline, double mic) {
        assertThat(TrendAnalysis.minimalImportantChange(baseline)).isEqualTo(mic);
    }

    @ParameterizedTest(name = "baseline {0}, drop {1}: meaningful {2}")
    @CsvSource({
            "6, 2, true",     // reaches the moderate MIC
            "6, 1.8, true",   // 30% of baseline and at least a point
            "6, 1.5, false",  // 25%
            "9, 2.5, false",  // below the severe MIC of 3 and only 28%
            "9, 3, true",
            "3, 1, true",     // mild MIC
            "2, 0.6, false",  // 30% but less than a point: noise
            "0, 0, false",
    })
    void meaningfulDrop(double baseline, double drop, boolean meaningful) {
        assertThat(TrendAnalysis.meaningfulDrop(baseline, drop)).isEqualTo(meaningful);
    }
}
