package org.backtrack.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClinicKeysTest {

    @Test
    void aKeyJoinsTheClinicAndTheIds() {
        assertThat(ClinicKeys.of("clinic-7", "patient-42", "2026-11-20")).isEqualTo("clinic-7/patient-42/2026-11-20");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", ".*", "", "$gt"})
    void onlyIdentifiersMakeKeys(String part) {
        assertThatIllegalArgumentException().isThrownBy(() -> ClinicKeys.of("clinic-7", part));
        assertThatIllegalArgumentException().isThrownBy(() -> ClinicKeys.of(part, "patient-42"));
    }

    @Test
    void theKeysUnderAPrefixFormOneRange() {
        String prefix = ClinicKeys.of("clinic-7", "patient-42");
        String inside = ClinicKeys.of("clinic-7", "patient-42", "zzz");
        String longerId = ClinicKeys.of("clinic-7", "patient-420");

        assertThat(inside).isGreaterThanOrEqualTo(ClinicKeys.rangeStart(prefix)).isLessThan(ClinicKeys.rangeEnd(prefix));
        assertThat(longerId.compareTo(ClinicKeys.rangeEnd(prefix)) >= 0 || longerId.compareTo(ClinicKeys.rangeStart(prefix)) < 0).isTrue();
    }

    @Test
    void bareKeysPredateClinicKeys() {
        assertThat(ClinicKeys.isBare("s-1")).isTrue();
        assertThat(ClinicKeys.isBare("clinic-7/s-1")).isFalse();
    }
}
