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

    @Test
    void mannKendallOfAStrictlyRisingSeries() {
        // S = 10, Var = 5*4*15/18 = 16.667, Z = (10-1)/4.0825 = 2.2045, p = 2(1 - Phi(2.2045)) = 0.0275
        MannKendall.Result result = MannKendall.test(new double[]{1, 2, 3, 4, 5});
        assertThat(result.s()).isEqualTo(10);
        assertThat(result.variance()).isCloseTo(16.6667, within(1e-3));
        assertThat(result.z()).isCloseTo(2.2045, within(1e-3));
        assertThat(result.pValue()).isCloseTo(0.0275, within(1e-3));
        assertThat(result.significantIncrease(0.05)).isTrue();
        assertThat(result.significantDecrease(0.05)).isFalse();
    }

    @Test
    void mannKendallCorrectsTheVarianceForTies() {
        // S = 4, Var = 8.667 - 2 * (2*1*9/18) = 6.667, Z = 3/2.582 = 1.162, p = 0.245
        MannKendall.Result result = MannKendall.test(new double[]{1, 1, 2, 2});
        assertThat(result.s()).isEqualTo(4);
        assertThat(result.variance()).isCloseTo(6.6667, within(1e-3));
        assertThat(result.pValue()).isCloseTo(0.2453, within(1e-3));
    }

    @Test
    void mannKendallOfAFlatSeriesIsNotSignificant() {
        MannKendall.Result result = MannKendall.test(new double[]{4, 4, 4, 4, 4, 4});
        assertThat(result.s()).isZero();
        assertThat(result.pValue()).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "Phi({0}) = {1}")
    @CsvSource({"0, 0.5", "1.96, 0.975002", "-1.96, 0.024998", "1, 0.841345", "3, 0.998650"})
    void normalCdfMatchesTables(double z, double expected) {
        assertThat(NormalDistribution.cdf(z)).isCloseTo(expected, within(1e-6));
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
