package org.backtrack.gateway.ratelimit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CallerQuotasTest {

    static Charge person(String key) {
        return new Charge(QuotaKind.PERSON, key);
    }

    static Charge client(String key) {
        return new Charge(QuotaKind.CLIENT, key);
    }

    static Charge clinic(String key) {
        return new Charge(QuotaKind.CLINIC, key);
    }

    static Charge address(String key) {
        return new Charge(QuotaKind.ANONYMOUS, key);
    }

    @Test
    void aPersonIsCountedBySubjectAndClinic() {
        assertThat(CallerQuotas.ofToken(Map.of("sub", "dr.lee", "clinic_id", "clinic-demo", "roles", List.of("CLINICIAN")), "10.0.0.1"))
                .containsExactly(person("dr.lee"), clinic("clinic-demo"));
    }

    @Test
    void aPatientAppsTokenIsAPersonEvenWhenItNamesTheAppAsAuthorizedParty() {
        // Keycloak and RFC 9068 put the app's client id in every token, people's included
        assertThat(CallerQuotas.ofToken(Map.of("sub", "u-123", "azp", "patient-app", "client_id", "patient-app",
                "clinic_id", "c-1", "roles", List.of("PATIENT")), "10.0.0.1"))
                .containsExactly(person("u-123"), clinic("c-1"));
    }

    @Test
    void anIntegrationOfTheLocalIssuerIsAClientByItsSubject() {
        assertThat(CallerQuotas.ofToken(Map.of("sub", "demo-integration", "clinic_id", "clinic-demo", "roles", List.of("INTEGRATION")), "x"))
                .containsExactly(client("demo-integration"), clinic("clinic-demo"));
    }

    @Test
    void aServiceAccountWithItsOwnSubjectIsCountedByItsClientId() {
        // Keycloak's service accounts: sub is a user id, the client is azp and client_id
        assertThat(CallerQuotas.ofToken(Map.of("sub", "9f1c-service-account", "azp", "booking-system", "client_id", "booking-system",
                "clinic_id", "c-2", "roles", List.of("INTEGRATION")), "x"))
                .containsExactly(client("booking-system"), clinic("c-2"));
        assertThat(CallerQuotas.ofToken(Map.of("sub", "9f1c", "azp", "booking-system", "roles", "INTEGRATION"), "x"))
                .as("roles as a string").containsExactly(client("booking-system"));
    }

    @ParameterizedTest(name = "sub={0} client_id={1} azp={2}")
    @CsvSource({"svc, svc, , svc", "svc, , svc, svc", "svc, other, svc, other"})
    void aTokenWhoseSubjectIsItsClientIsAClient(String sub, String clientId, String azp, String expected) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", sub);
        if (clientId != null) {
            claims.put("client_id", clientId);
        }
        if (azp != null) {
            claims.put("azp", azp);
        }
        List<Charge> charges = CallerQuotas.ofToken(claims, "x");
        if (sub.equals(clientId) || (clientId == null && sub.equals(azp))) {
            assertThat(charges).containsExactly(client(expected));
        } else {
            assertThat(charges).containsExactly(person(sub));
        }
    }

    @Test
    void aPlatformAdministratorWithoutClinicHasNoClinicQuota() {
        assertThat(CallerQuotas.ofToken(Map.of("sub", "content.admin", "roles", List.of("PLATFORM_ADMIN")), "x"))
                .containsExactly(person("content.admin"));
        assertThat(CallerQuotas.ofToken(Map.of("sub", "progress-service", "roles", List.of("INTEGRATION")), "x"))
                .containsExactly(client("progress-service"));
    }

    @Test
    void aVerifiedTokenNamingNobodyCountsAgainstTheAddress() {
        assertThat(CallerQuotas.ofToken(Map.of("clinic_id", "c-1"), "10.0.0.9")).containsExactly(address("10.0.0.9"));
        assertThat(CallerQuotas.ofToken(Map.of("sub", " ", "clinic_id", "c-1"), "10.0.0.9")).containsExactly(address("10.0.0.9"));
        assertThat(CallerQuotas.ofToken(Map.of("sub", 42, "clinic_id", "c-1"), "10.0.0.9")).containsExactly(address("10.0.0.9"));
    }

    @Test
    void aSignedInUserIsCountedByTheSessionsPrincipalAndClinic() {
        assertThat(CallerQuotas.ofSession("dr.lee", "clinic-demo", "x")).containsExactly(person("dr.lee"), clinic("clinic-demo"));
        assertThat(CallerQuotas.ofSession("content.admin", null, "x")).containsExactly(person("content.admin"));
        assertThat(CallerQuotas.ofSession("", "clinic-demo", "10.1.1.1")).containsExactly(address("10.1.1.1"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "127.0.0.1, 127.0.0.1",
            "10.20.30.40, 10.20.30.40",
            "2001:db8:1:2:aaaa:bbbb:cccc:dddd, 20010db800010002::/64",
            "2001:db8:1:2::1, 20010db800010002::/64",
            "0:0:0:0:0:0:0:1, 0000000000000000::/64",
            "'', unknown"})
    void anonymousCallersAreCountedByAddressAndIpv6HostsByTheirSlash64(String remote, String key) {
        assertThat(CallerQuotas.ofAddress(remote)).containsExactly(address(key));
    }

    @Test
    void twoAddressesOfOneIpv6NetworkShareAQuotaAndOtherNetworksDoNot() {
        assertThat(CallerQuotas.ofAddress("2001:db8:1:2::1")).isEqualTo(CallerQuotas.ofAddress("2001:db8:1:2:ffff:ffff:ffff:fffe"));
        assertThat(CallerQuotas.ofAddress("2001:db8:1:2::1")).isNotEqualTo(CallerQuotas.ofAddress("2001:db8:1:3::1"));
    }
}
