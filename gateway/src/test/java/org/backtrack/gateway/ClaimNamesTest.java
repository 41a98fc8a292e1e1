package org.backtrack.gateway;

import org.backtrack.events.ClaimPaths;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard and the rate limits read the clinic and roles from whichever claims are configured. */
class ClaimNamesTest {

    @Test
    void theDefaultsKeepBackTracksOwnClaims() {
        Map<String, Object> claims = Map.of("sub", "u", "clinic_id", "clinic-7", "roles", List.of("CLINICIAN"));

        assertThat(ClaimNames.DEFAULTS.normalize(claims)).isEqualTo(claims);
    }

    @Test
    void configuredClaimsByExactNameOrNestedPathReplaceTheTokensOwn() {
        var names = new ClaimNames("https://backtrack.example/clinic", "patient_id", "realm_access.roles");

        Map<String, Object> normalized = names.normalize(Map.of("https://backtrack.example/clinic", "clinic-7",
                "clinic_id", "clinic-8", "roles", List.of("PLATFORM_ADMIN"), "realm_access", Map.of("roles", List.of("PATIENT"))));

        assertThat(normalized).containsEntry("clinic_id", "clinic-7").containsEntry("roles", List.of("PATIENT"))
                .doesNotContainKey("patient_id");
    }

    @Test
    void anAbsentConfiguredClaimLeavesNoValue() {
        var names = new ClaimNames("tenant.clinic", "patient_id", "roles");

        assertThat(names.normalize(Map.of("clinic_id", "clinic-8", "tenant", "x"))).doesNotContainKey("clinic_id");
        assertThat(ClaimPaths.find(Map.of("tenant", Map.of("clinic", "c")), "tenant.clinic")).isEqualTo("c");
    }
}
