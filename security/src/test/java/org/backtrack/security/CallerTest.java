package org.backtrack.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may see whose data: the rule every read and write of patient data is decided by. */
class CallerTest {

    @Test
    void staffSeeEveryPatientOfTheirOwnClinicOnly() {
        var clinician = Caller.of("dr.lee", "clinic-7", null, List.of(Role.CLINICIAN));

        assertThat(clinician.maySee("clinic-7", "patient-1")).isTrue();
        assertThat(clinician.maySee("clinic-8", "patient-1")).isFalse();
        assertThat(clinician.mayName("anyone")).isTrue();
    }

    @Test
    void aPatientSeesOnlyThemselves() {
        var patient = Caller.of("p-42", "clinic-7", "patient-42", List.of(Role.PATIENT));

        assertThat(patient.maySee("clinic-7", "patient-42")).isTrue();
        assertThat(patient.maySee("clinic-7", "patient-43")).isFalse();
        assertThat(patient.mayName("patient-43")).isFalse();
        assertThat(patient.clinicWide()).isFalse();
    }

    @Test
    void aCallerWithoutClinicNamesNoPatient() {
        var admin = Caller.of("content.admin", null, null, List.of(Role.PLATFORM_ADMIN));

        assertThat(admin.mayName("patient-1")).isFalse();
        assertThat(admin.maySee(null, "patient-1")).isFalse();
    }

    @Test
    void theCallerIsReadFromTheTokensClaimsAndUnknownRolesAreIgnored() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("dr.lee")
                .claim(TokenClaims.CLINIC_ID, "clinic-7").claim(TokenClaims.ROLES, List.of("CLINICIAN", "SUPERUSER", "CLINICIAN"))
                .issuedAt(Instant.now()).build();

        Caller caller = CallerAuthenticationConverter.caller(jwt);

        assertThat(caller).isEqualTo(new Caller("dr.lee", "clinic-7", null, Set.of(Role.CLINICIAN)));
        assertThat(new CallerAuthenticationConverter().convert(jwt).getAuthorities())
                .extracting(Object::toString).containsExactly("ROLE_CLINICIAN");
    }
}
