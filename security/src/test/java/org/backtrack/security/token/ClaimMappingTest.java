package org.backtrack.security.token;

import org.backtrack.security.TokenClaims;
import org.backtrack.events.ClaimPaths;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Which claims count as the caller's clinic, patient and roles, whatever the provider calls them. */
class ClaimMappingTest {

    private static final ClaimMapping DEFAULTS = new ClaimMapping(TokenClaimNames.DEFAULTS);
    private static final ClaimMapping KEYCLOAK_ROLES = new ClaimMapping(new TokenClaimNames("clinic", "patient", "realm_access.roles"));

    @Test
    void withTheDefaultsBackTracksOwnClaimsAreKeptAsTheyAre() {
        Map<String, Object> claims = Map.of("sub", "dr.lee", TokenClaims.CLINIC_ID, "clinic-7", TokenClaims.ROLES, List.of("CLINICIAN"));

        assertThat(DEFAULTS.apply(claims)).isEqualTo(claims);
    }

    @Test
    void aNestedPathIsFollowed() {
        Map<String, Object> mapped = KEYCLOAK_ROLES.apply(Map.of("clinic", "clinic-7", "patient", "p-1",
                "realm_access", Map.of("roles", List.of("PATIENT", "offline_access"))));

        assertThat(mapped).containsEntry(TokenClaims.CLINIC_ID, "clinic-7").containsEntry(TokenClaims.PATIENT_ID, "p-1")
                .containsEntry(TokenClaims.ROLES, List.of("PATIENT", "offline_access"));
    }

    @Test
    void aClaimWhoseNameHoldsDotsIsFoundByThatExactName() {
        var mapping = new ClaimMapping(new TokenClaimNames("https://backtrack.example/clinic", "patient_id", "https://backtrack.example/roles"));

        Map<String, Object> mapped = mapping.apply(Map.of("https://backtrack.example/clinic", "clinic-7",
                "https://backtrack.example/roles", List.of("CLINICIAN")));

        assertThat(mapped).containsEntry(TokenClaims.CLINIC_ID, "clinic-7").containsEntry(TokenClaims.ROLES, List.of("CLINICIAN"));
    }

    @Test
    void aTokensOwnClaimUnderABackTrackNameNeverCountsWhenAnotherClaimIsConfigured() {
        // e.g. a user-editable attribute named roles or clinic_id that the provider happens to copy into tokens
        Map<String, Object> mapped = KEYCLOAK_ROLES.apply(Map.of(TokenClaims.ROLES, List.of("PLATFORM_ADMIN"),
                TokenClaims.CLINIC_ID, "clinic-8", "realm_access", Map.of("roles", List.of("PATIENT"))));

        assertThat(mapped).containsEntry(TokenClaims.ROLES, List.of("PATIENT")).doesNotContainKey(TokenClaims.CLINIC_ID);
    }

    @Test
    void rolesMayBeOneStringSeparatedBySpacesOrCommas() {
        assertThat(DEFAULTS.apply(Map.of(TokenClaims.ROLES, "CLINICIAN CLINIC_ADMIN")))
                .containsEntry(TokenClaims.ROLES, List.of("CLINICIAN", "CLINIC_ADMIN"));
        assertThat(DEFAULTS.apply(Map.of(TokenClaims.ROLES, "CLINICIAN, CLINIC_ADMIN")))
                .containsEntry(TokenClaims.ROLES, List.of("CLINICIAN", "CLINIC_ADMIN"));
        assertThat(DEFAULTS.apply(Map.of(TokenClaims.ROLES, "  "))).containsEntry(TokenClaims.ROLES, List.of());
    }

    @Test
    void valuesOfTheWrongShapeAreNoValueAtAll() {
        Map<String, Object> mapped = DEFAULTS.apply(Map.of(TokenClaims.CLINIC_ID, List.of("clinic-7", "clinic-8"),
                TokenClaims.PATIENT_ID, "", TokenClaims.ROLES, Map.of("CLINICIAN", true)));

        assertThat(mapped).doesNotContainKeys(TokenClaims.CLINIC_ID, TokenClaims.PATIENT_ID, TokenClaims.ROLES);
        assertThat(DEFAULTS.apply(Map.of(TokenClaims.ROLES, List.of("CLINICIAN", 7, Map.of()))))
                .containsEntry(TokenClaims.ROLES, List.of("CLINICIAN"));
    }

    @Test
    void aPathThroughSomethingOtherThanAnObjectFindsNothing() {
        assertThat(ClaimPaths.find(Map.of("realm_access", "roles"), "realm_access.roles")).isNull();
        assertThat(ClaimPaths.find(Map.of("realm_access", Map.of()), "realm_access.roles")).isNull();
        assertThat(ClaimPaths.find(Map.of(), "realm_access.roles")).isNull();
        assertThat(ClaimPaths.find(Map.of("a", Map.of("b", Map.of("c", "x"))), "a.b.c")).isEqualTo("x");
    }

    @Test
    void otherClaimsPassThroughUntouched() {
        Map<String, Object> mapped = KEYCLOAK_ROLES.apply(Map.of("sub", "s", "aud", List.of("backtrack-api"), "azp", "gw"));

        assertThat(mapped).containsEntry("sub", "s").containsEntry("aud", List.of("backtrack-api")).containsEntry("azp", "gw")
                .doesNotContainKeys(TokenClaims.CLINIC_ID, TokenClaims.PATIENT_ID, TokenClaims.ROLES);
    }

    @Test
    void aBlankClaimNameIsAConfigurationError() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenClaimNames(" ", "patient_id", "roles"));
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenClaimNames("clinic_id", "patient_id", null));
    }
}
