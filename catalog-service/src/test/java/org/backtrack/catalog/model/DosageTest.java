package org.backtrack.catalog.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DosageTest {

    @ParameterizedTest(name = "hold {0}, reps {1}, sets {2}, perSide {3}, perRep {4}, rest {5} -> {6} s")
    @CsvSource(nullValues = "-", value = {
            "30, 1, 2, false, -, 10, 70",   // two 30 s holds, one rest
            "20, 1, 1, true,  -, 5,  45",   // one 20 s hold per leg, one rest between sides
            "-,  10, 1, false, 6, 0, 60",   // 10 slow cycles of 6 s
            "5,  8, 1, true,  -, 0, 80",    // bird-dog: 8 holds of 5 s per side
            "-,  1, 1, false, -, 0, 0",     // nothing timed: no duration, the graph check rejects it
    })
    void estimatesEveryRepOnEverySideWithRests(Integer hold, int reps, int sets, boolean perSide, Integer perRep,
                                               int rest, int expected) {
        assertThat(new Dosage(hold, reps, sets, perSide, perRep, rest).estimatedSeconds()).isEqualTo(expected);
    }
}
