package org.backtrack.events;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The one claim-path rule of the gateway and the services' decoder. */
class ClaimPathsTest {

    @Test
    void aClaimOfExactlyTheNameWinsOverADottedPath() {
        Map<String, Object> claims = Map.of("https://x.example/roles", "exact", "https://x", Map.of("example/roles", "path"));

        assertThat(ClaimPaths.find(claims, "https://x.example/roles")).isEqualTo("exact");
        assertThat(ClaimPaths.find(Map.of("a", Map.of("b", "nested")), "a.b")).isEqualTo("nested");
        assertThat(ClaimPaths.find(Map.of("a", List.of("b")), "a.b")).isNull();
    }

    @Test
    void ownNamesHoldWhatTheConfiguredClaimsHoldAsReadAndNothingElse() {
        Map<String, Object> claims = Map.of("sub", "u", "clinic_id", "forged", "tenant", Map.of("clinic", "c-1"),
                "patient_id", "p-1", "groups", List.of("CLINICIAN"));

        Map<String, Object> mapped = ClaimPaths.underOwnNames(claims, "tenant.clinic", "missing", "groups",
                (name, value) -> ClaimPaths.ROLES.equals(name) ? value : value == null ? null : "read:" + value);

        assertThat(mapped).containsEntry("sub", "u").containsEntry(ClaimPaths.CLINIC_ID, "read:c-1")
                .containsEntry(ClaimPaths.ROLES, List.of("CLINICIAN")).doesNotContainKey(ClaimPaths.PATIENT_ID);
    }
}
