package org.backtrack.progress.fhir.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultCountTest {

    @ParameterizedTest
    @CsvSource({"1, 1", "50, 50", "200, 200", "201, 200", "1000, 200", "99999999999999999999999, 200", "007, 7"})
    void aCountIsServedUpToTheMaximum(String requested, int served) {
        assertThat(ResultCount.of(requested)).isEqualTo(served);
    }

    @org.junit.jupiter.api.Test
    void withoutACountThePageHoldsTheDefault() {
        assertThat(ResultCount.of(null)).isEqualTo(ResultCount.DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", "0", "000", "-1", "1.5", "1e3", " 5", "5 ", "+5", "0x10"})
    void anythingButAWholeNumberFromOneIsRefusedNamingCount(String requested) {
        assertThatThrownBy(() -> ResultCount.of(requested)).isInstanceOf(InvalidSearchException.class)
                .satisfies(e -> assertThat(((InvalidSearchException) e).parameter()).isEqualTo("_count"));
    }
}
