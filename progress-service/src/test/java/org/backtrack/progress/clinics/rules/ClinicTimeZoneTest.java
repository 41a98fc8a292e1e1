package org.backtrack.progress.clinics.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ClinicTimeZoneTest {

    @ParameterizedTest
    @ValueSource(strings = {"America/New_York", "Europe/Berlin", "UTC", "Asia/Kolkata", "Australia/Lord_Howe"})
    void ianaRegionIdsAreAccepted(String zone) {
        assertThat(ClinicTimeZone.of(zone)).hasValueSatisfying(z -> assertThat(z.getId()).isEqualTo(zone));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "+02:00", "Z", "UTC+2", "GMT-5", "Mars/Olympus", "america/new_york", "America/New_York ",
            "../../etc/passwd", "EST5EDT-but-much-longer-than-any-region-id-known-to-the-time-zone-database"})
    void offsetsUnknownIdsAndJunkAreRefused(String zone) {
        assertThat(ClinicTimeZone.of(zone)).isEmpty();
    }
}
