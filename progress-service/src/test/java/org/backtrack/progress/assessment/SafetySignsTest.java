package org.backtrack.progress.assessment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the latest session shows that calls for backing off, decided from the readings (never from alert wording). */
class SafetySignsTest {

    static final Instant T = Instant.parse("2026-11-20T07:00:00Z");

    static List<PainReading> readings(boolean sharpAtLatest, int... painBefore) {
        List<PainReading> readings = new ArrayList<>();
        for (int i = 0; i < painBefore.length; i++) {
            boolean latest = i == painBefore.length - 1;
            readings.add(new PainReading("s-" + i, T.plusSeconds(86_400L * i), painBefore[i], painBefore[i],
                    latest && sharpAtLatest, false, List.of(), T.plusSeconds(86_400L * i)));
        }
        return readings;
    }

    @ParameterizedTest
    @CsvSource({
            // previous, latest -> sudden rise (a rise of 2 or more while below 7)
            "3, 5, true", "4, 6, true", "0, 6, true", "3, 4, false", "5, 5, false", "6, 3, false",
            "5, 7, false", "4, 8, false", "6, 9, false", "8, 10, false"})
    void aSuddenRiseIsTwoPointsOrMoreBelowTheSpikeLevel(int previous, int latest, boolean rise) {
        SafetySigns signs = SafetySigns.of(readings(false, 2, previous, latest));
        assertThat(signs.suddenRise()).isEqualTo(rise);
        assertThat(signs.sharpPain()).isFalse();
        assertThat(SafetySigns.rise(readings(false, previous, latest))).isEqualTo(latest - previous);
    }

    @Test
    void sharpPainIsThatOfTheLatestSession() {
        assertThat(SafetySigns.of(readings(true, 3, 3)).sharpPain()).isTrue();
        assertThat(SafetySigns.of(readings(true, 3, 3)).suddenRise()).isFalse();
        List<PainReading> sharpBefore = new ArrayList<>(readings(true, 3));
        sharpBefore.addAll(readings(false, 3, 3).subList(1, 2));
        assertThat(SafetySigns.of(sharpBefore).sharpPain()).isFalse();
    }

    @Test
    void oneReadingOrNoneShowsNoRise() {
        assertThat(SafetySigns.of(List.of())).isEqualTo(SafetySigns.NONE);
        assertThat(SafetySigns.of(readings(false, 6)).suddenRise()).isFalse();
        assertThat(SafetySigns.rise(readings(false, 6))).isZero();
    }

    @Test
    void theAlertsPutTheSameSignsIntoWords() {
        List<PainReading> rise = readings(false, 3, 5);
        assertThat(ProgressAssessor.alerts(rise, rise.get(1).completedAt()))
                .singleElement().satisfies(a -> assertThat(a.message()).isEqualTo("Pain rose by 2 points since the previous session"));
        List<PainReading> level = readings(false, 5, 7);
        assertThat(ProgressAssessor.alerts(level, level.get(1).completedAt()))
                .singleElement().satisfies(a -> assertThat(a.message()).isEqualTo("Pain 7/10 at the last session"));
        assertThat(SafetySigns.of(level).suddenRise()).isFalse();
    }
}
