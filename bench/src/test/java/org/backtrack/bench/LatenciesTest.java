package org.backtrack.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatenciesTest {

    @Test
    void percentilesUseTheNearestRank() {
        Latencies latencies = new Latencies();
        for (int ms = 100; ms >= 1; ms--) {
            latencies.add(ms * 1_000_000L);
        }
        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.millis(50)).isEqualTo(50.0);
        assertThat(latencies.millis(99)).isEqualTo(99.0);
        assertThat(latencies.maxMillis()).isEqualTo(100.0);
        assertThat(latencies.millis(0.1)).isEqualTo(1.0);
    }

    @Test
    void noSamplesIsNotANumber() {
        assertThat(new Latencies().millis(50)).isNaN();
    }
}
