package org.backtrack.gateway.ratelimit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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

    static Stream<Arguments> verifiedTokens() {
        return Stream.of(
                token("a person is counted by subject and clinic",
                        Map.of("sub", "dr.lee", "clinic_id", "clinic-demo", "roles", List.of("CLINICIAN")), "10.0.0.1",
                        person("dr.lee"), clinic("clinic-demo")),
                // Keycloak and RFC 9068 put the app's client id in every token, people's included
                token("a patient app's token is a person even when it names the app as authorized party",
                        Map.of("sub", "u-123", "azp", "patient-app", "client_id", "patient-app", "clinic_id", "c-1",
                                "roles", List.of("PATIENT")), "10.0.0.1",
                        person("u-123"), clinic("c-1")),
                token("an integration of the local issuer is a client by its subject",
                        Map.of("sub", "demo-integration", "clinic_id", "clinic-demo", "roles", List.of("INTEGRATION")), "x",
                        client("demo-integration"), clinic("clinic-demo")),
                // Keycloak's service accounts: sub is a user id, the client is azp and client_id
                token("a service account with its own subject is counted by its client id",
                        Map.of("sub", "9f1c-service-account", "azp", "booking-system", "client_id", "booking-system",
                                "clinic_id", "c-2", "roles", List.of("INTEGRATION")), "x",
                        client("booking-system"), clinic("c-2")),
                token("a service account with its own subject is counted by its client id (roles as a string)",
                        Map.of("sub", "9f1c", "azp", "booking-system", "roles", "INTEGRATION"), "x",
                        client("booking-system")),
                token("a platform administrator without clinic has no clinic quota",
                        Map.of("sub", "content.admin", "roles", List.of("PLATFORM_ADMIN")), "x",
                        person("content.admin")),
                token("a platform service without clinic has no clinic quota",
                        Map.of("sub", "progress-service", "roles", List.of("INTEGRATION")), "x",
                        client("progress-service")),
                token("a verified token naming nobody counts against the address (no subject)",
                        Map.of("clinic_id", "c-1"), "10.0.0.9", address("10.0.0.9")),
                token("a verified token naming nobody counts against the address (blank subject)",
                        Map.of("sub", " ", "clinic_id", "c-1"), "10.0.0.9", address("10.0.0.9")),
                token("a verified token naming nobody counts against the address (subject not a string)",
                        Map.of("sub", 42, "clinic_id", "c-1"), "10.0.0.9", address("10.0.0.9")));
    }

    static Arguments token(String name, Map<String, Object> claims, String remoteAddress, Charge... charges) {
        return Arguments.argumentSet(name, claims, remoteAddress, List.of(charges));
    }

    @ParameterizedTest
    @MethodSource("verifiedTokens")
    void aVerifiedTokenIsCountedAgainstItsQuotas(Map<String, Object> claims, String remoteAddress, List<Charge> charges) {
        assertThat(CallerQuotas.ofToken(claims, remoteAddress)).containsExactlyElementsOf(charges);
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
