package org.backtrack.progress.fhir.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DateRangeTest {

    static DateRange of(String... values) {
        return DateRange.of(List.of(values));
    }

    @Test
    void withoutADateEverythingMatches() {
        assertThat(DateRange.of(null)).isEqualTo(DateRange.ALL);
        assertThat(DateRange.of(List.of())).isEqualTo(DateRange.ALL);
    }

    @ParameterizedTest
    @CsvSource({
            "ge2026-11-01, 2026-11-01T00:00:00Z, +1000000000-12-31T23:59:59.999999999Z",
            "gt2026-11-01, 2026-11-02T00:00:00Z, ",
            "sa2026-11-01, 2026-11-02T00:00:00Z, ",
            "le2026-11-01, , 2026-11-02T00:00:00Z",
            "lt2026-11-01, , 2026-11-01T00:00:00Z",
            "eb2026-11-01, , 2026-11-01T00:00:00Z",
            "2026-11-01, 2026-11-01T00:00:00Z, 2026-11-02T00:00:00Z",
            "eq2026-11, 2026-11-01T00:00:00Z, 2026-12-01T00:00:00Z",
            "eq2026, 2026-01-01T00:00:00Z, 2027-01-01T00:00:00Z",
            "ge2026-11-01T10:15+01:00, 2026-11-01T09:15:00Z, ",
            "gt2026-11-01T10:15:30Z, 2026-11-01T10:15:31Z, ",
            "le2026-11-01T10:15:30.5Z, , 2026-11-01T10:15:30.501Z",
            "lt2026-11-01T10:15:30Z, , 2026-11-01T10:15:30Z",
    })
    void aPrefixPicksASideOfThePeriodTheDateNames(String value, String from, String until) {
        DateRange range = of(value);
        if (from != null && !from.startsWith("+")) {
            assertThat(range.from()).isEqualTo(Instant.parse(from));
        } else {
            assertThat(range.from()).isEqualTo(DateRange.EARLIEST);
        }
        if (until != null && !until.startsWith("+")) {
            assertThat(range.until()).isEqualTo(Instant.parse(until));
        } else {
            assertThat(range.until()).isEqualTo(DateRange.LATEST);
        }
    }

    @Test
    void severalValuesNarrowTogether() {
        DateRange november = of("ge2026-11-01", "lt2026-12-01");
        assertThat(november).isEqualTo(new DateRange(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z")));
        assertThat(november.contains(Instant.parse("2026-11-30T23:59:59Z"))).isTrue();
        assertThat(november.contains(Instant.parse("2026-12-01T00:00:00Z"))).isFalse();
        assertThat(november.contains(Instant.parse("2026-10-31T23:59:59Z"))).isFalse();
        // the wider of two bounds on a side does not widen the range again
        assertThat(of("ge2026-11-01", "ge2026-01-01").from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void aRangeThatHoldsNothingMatchesNothingRatherThanFailing() {
        assertThat(of("ge2026-12-01", "lt2026-11-01").isEmpty()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"xx", "", "ge", "2026-13-01", "2026-02-30", "ge2026-11-01T10:15", "ge2026-11-01T25:00Z",
            "ge26-11-01", "ge2026-11-01 ", "ge2026/11/01", "gE2026-11-01", "ge2026-11-01T10:15:30.1234567890Z",
            "ge2026-11-01T10:15:30Z-extra-characters-beyond-forty-chars"})
    void anythingElseIsRefusedNamingDate(String value) {
        assertThatThrownBy(() -> of(value)).isInstanceOf(InvalidSearchException.class)
                .satisfies(e -> assertThat(((InvalidSearchException) e).parameter()).isEqualTo("date"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ne2026-11-01", "ap2026-11-01"})
    void unsupportedPrefixesAreRefusedNamingThem(String value) {
        assertThatThrownBy(() -> of(value)).isInstanceOf(InvalidSearchException.class).hasMessageContaining("not supported");
    }
}
