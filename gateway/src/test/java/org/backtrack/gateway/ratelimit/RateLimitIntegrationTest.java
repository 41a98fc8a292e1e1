package org.backtrack.gateway.ratelimit;

import org.backtrack.gateway.IssuerStub;
import org.backtrack.gateway.LoopbackHttp;
import org.backtrack.gateway.UpstreamStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's rate limits through its real filter chain over real HTTP, with real tokens signed by a stub issuer
 * whose key set the gateway fetches. Refill is one token per 1,000 s, so a test's counts are exact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "backtrack.gateway.rate-limit.person.per-second=0.001", "backtrack.gateway.rate-limit.person.burst=5",
        "backtrack.gateway.rate-limit.client.per-second=0.001", "backtrack.gateway.rate-limit.client.burst=10",
        "backtrack.gateway.rate-limit.clinic.per-second=0.001", "backtrack.gateway.rate-limit.clinic.burst=25",
        "backtrack.gateway.rate-limit.anonymous.per-second=0.001", "backtrack.gateway.rate-limit.anonymous.burst=20"})
class RateLimitIntegrationTest {

    static final int PERSON = 5;
    static final int CLIENT = 10;
    static final int CLINIC = 25;
    static final int ANONYMOUS = 20;
    static final String API = "/api/v1/exercises";

    static final IssuerStub ISSUER = new IssuerStub();
    static final UpstreamStub UPSTREAM = new UpstreamStub();
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Autowired
    RateLimits limits;

    @org.springframework.beans.factory.annotation.Value("${backtrack.gateway.rate-limit.max-keys}")
    long maxKeys;

    @DynamicPropertySource
    static void stubs(DynamicPropertyRegistry registry) {
        registry.add("backtrack.issuer.url", ISSUER::url);
        for (String service : List.of("catalog", "routine", "progress")) {
            registry.add("backtrack.services." + service + "-url", UPSTREAM::url);
        }
    }

    @AfterAll
    static void stopStubs() {
        ISSUER.close();
        UPSTREAM.close();
    }

    @Test
    void aThousandJunkTokensFromOneAddressAreLimitedLikeOneAnonymousCaller() {
        String address = "127.0.0.21";
        int fetchesBefore = ISSUER.keySetFetches();
        Map<Integer, Integer> statuses = new HashMap<>();
        Map<String, Integer> quotas = new HashMap<>();
        for (int i = 0; i < 1_000; i++) {
            var response = LoopbackHttp.get(address, port, API, Map.of("Authorization", "Bearer " + junkToken(i)));
            statuses.merge(response.status(), 1, Integer::sum);
            if (response.status() == 429) {
                quotas.merge(quotaIn(response.body()), 1, Integer::sum);
            }
        }
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(200, ANONYMOUS, 429, 1_000 - ANONYMOUS));
        // 83 tokens named key ids the issuer never had: the key set was fetched once and refetched at most twice
        assertThat(ISSUER.keySetFetches() - fetchesBefore).isBetween(1, 3);
        assertThat(quotas).containsOnlyKeys("anonymous");
        assertThat(LoopbackHttp.get(address, port, API, Map.of()).status()).as("no token, same address").isEqualTo(429);
        assertThat(LoopbackHttp.get(address, port, API, Map.of("Cookie", "BACKTRACK_SESSION=" + UUID.randomUUID())).status())
                .as("a made-up session cookie, same address").isEqualTo(429);
        // the limit was the address's: another address and a verified caller at this one are served
        assertThat(LoopbackHttp.get("127.0.0.22", port, API, Map.of()).status()).isEqualTo(200);
        assertThat(LoopbackHttp.get(address, port, API, Map.of("Authorization", "Bearer " + ISSUER.personToken("junk-test-person", "clinic-j")))
                .status()).isEqualTo(200);
    }

    /** Each kind of credential that must not verify: garbage, unsigned, wrong key, expired, no exp, other issuer. */
    String junkToken(int i) {
        Instant now = Instant.now();
        String subject = "forged-" + i;
        return switch (i % 6) {
            case 0 -> "junk-" + UUID.randomUUID();
            case 1 -> "eyJhbGciOiJub25lIn0." + java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("{\"sub\":\"" + subject + "\",\"iss\":\"" + ISSUER.url() + "\"}").getBytes(StandardCharsets.UTF_8)) + ".";
            case 2 -> IssuerStub.signedWithAnotherKey(Map.of("sub", subject, "iss", ISSUER.url(), "clinic_id", "clinic-x",
                    "exp", now.plusSeconds(300).getEpochSecond()), i % 12 == 2);
            case 3 -> ISSUER.token(Map.of("sub", subject, "exp", now.minus(Duration.ofMinutes(10)).getEpochSecond(),
                    "iat", now.minus(Duration.ofMinutes(20)).getEpochSecond()));
            case 4 -> ISSUER.token(withoutExp(subject));
            default -> ISSUER.token(Map.of("sub", subject, "iss", "http://127.0.0.1:1/another-issuer"));
        };
    }

    static Map<String, Object> withoutExp(String subject) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        claims.put("exp", IssuerStub.OMIT);
        return claims;
    }

    @Test
    void aCallerThatUsesUpItsQuotaLeavesOtherCallersOfItsOwnAndOtherClinicsAlone() throws Exception {
        String flooder = ISSUER.clientToken("flood-integration", "clinic-a");
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> refused = null;
        for (int i = 0; i < CLIENT + 5; i++) {
            HttpResponse<String> response = bearer(flooder);
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                refused = response;
            }
        }
        assertThat(statuses.subList(0, CLIENT)).containsOnly(200);
        assertThat(statuses.subList(CLIENT, CLIENT + 5)).containsOnly(429);
        assertThat(quotaIn(refused.body())).isEqualTo("client");
        // a fresh token of the same client is the same caller
        assertThat(bearer(ISSUER.clientToken("flood-integration", "clinic-a")).statusCode()).isEqualTo(429);

        assertThat(bearer(ISSUER.clientToken("calm-integration", "clinic-a")).statusCode()).as("same clinic, other client").isEqualTo(200);
        assertThat(bearer(ISSUER.personToken("dr.a", "clinic-a")).statusCode()).as("same clinic, a person").isEqualTo(200);
        assertThat(bearer(ISSUER.personToken("dr.b", "clinic-b")).statusCode()).as("another clinic").isEqualTo(200);

        // a person is counted by subject, across tokens
        String person = "dr.busy";
        for (int i = 0; i < PERSON; i++) {
            assertThat(bearer(ISSUER.personToken(person, "clinic-a")).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> personRefused = bearer(ISSUER.personToken(person, "clinic-a"));
        assertThat(personRefused.statusCode()).isEqualTo(429);
        assertThat(quotaIn(personRefused.body())).isEqualTo("person");
        assertThat(bearer(ISSUER.personToken("dr.a", "clinic-a")).statusCode()).isEqualTo(200);
    }

    @Test
    void aClinicsCallersTogetherStopAtTheClinicQuotaWhileAnotherClinicGoesOn() throws Exception {
        int served = 0;
        for (int person = 0; person < CLINIC / PERSON; person++) {
            for (int i = 0; i < PERSON; i++) {
                served += bearer(ISSUER.personToken("nurse-" + person, "clinic-c")).statusCode() == 200 ? 1 : 0;
            }
        }
        assertThat(served).isEqualTo(CLINIC);
        HttpResponse<String> refused = bearer(ISSUER.personToken("nurse-late", "clinic-c"));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(quotaIn(refused.body())).isEqualTo("clinic");
        // a client whose subject is its client id (RFC 9068 client credentials, no BackTrack role) is a client
        HttpResponse<String> machine = bearer(ISSUER.token(Map.of("sub", "rfc9068-client", "client_id", "rfc9068-client",
                "clinic_id", "clinic-c")));
        assertThat(quotaIn(machine.body())).isEqualTo("clinic");
        assertThat(bearer(ISSUER.personToken("nurse-d", "clinic-d")).statusCode()).as("another clinic").isEqualTo(200);
        assertThat(quotaIn(bearer(ISSUER.personToken("nurse-late", "clinic-c")).body())).isEqualTo("clinic");
        // what the clinic refused did not count against the person: its own quota is whole
        for (int i = 0; i < PERSON; i++) {
            assertThat(limits.tryTake(List.of(new Charge(QuotaKind.PERSON, "nurse-late"))).allowed()).isTrue();
        }
        assertThat(limits.tryTake(List.of(new Charge(QuotaKind.PERSON, "nurse-late"))).allowed()).isFalse();
    }

    @Test
    void aRefusalIsAProblemDocumentWithRetryAfterNamingTheQuotaAndNotTheToken() throws Exception {
        String token = ISSUER.personToken("dr.retry", "clinic-r");
        HttpResponse<String> response = null;
        for (int i = 0; i <= PERSON; i++) {
            response = bearer(token);
        }
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        // one token per 1,000 s, rounded up to whole seconds
        assertThat(retryAfter).isBetween(990L, 1_000L);
        assertThat(response.body()).contains("\"status\":429", "\"title\":\"Too many requests\"", "\"quota\":\"person\"",
                "\"retryAfterSeconds\":" + retryAfter).doesNotContain(token, token.substring(0, 20), "dr.retry");
    }

    @Test
    void aSignedInDashboardUserIsCountedByTheSessionsPrincipal() throws Exception {
        String cookie = signIn("dr.dashboard", "clinic-s");
        for (int i = 0; i < PERSON; i++) {
            assertThat(withCookie(cookie).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = withCookie(cookie);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(quotaIn(refused.body())).isEqualTo("person");
        // the same person with a bearer token is the same caller; a second sign-in is too
        assertThat(bearer(ISSUER.personToken("dr.dashboard", "clinic-s")).statusCode()).isEqualTo(429);
        assertThat(withCookie(signIn("dr.dashboard", "clinic-s")).statusCode()).isEqualTo(429);
        assertThat(withCookie(signIn("dr.other", "clinic-s")).statusCode()).isEqualTo(200);
    }

    /**
     * A flood of 200,000 distinct callers (addresses, as many hosts would send) while one busy caller keeps calling:
     * the store keeps at most max-keys buckets, evicting single entries, and the busy caller's empty bucket is never
     * replaced by a fresh one. (A caller that stays away long enough may lose its bucket: that is the same as its
     * bucket filling up again.)
     */
    @Test
    void theStoreStaysBoundedAfter200000DistinctKeysWithoutResettingBusyBuckets() {
        String busy = "127.0.0.24";
        for (int i = 0; i < ANONYMOUS; i++) {
            assertThat(LoopbackHttp.get(busy, port, API, Map.of()).status()).isEqualTo(200);
        }
        Map<Integer, Integer> busyStatuses = new HashMap<>();
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        long started = System.nanoTime();
        for (int i = 0; i < 200_000; i++) {
            if (i % 1_000 == 0) {
                busyStatuses.merge(LoopbackHttp.get(busy, port, API, Map.of()).status(), 1, Integer::sum);
            }
            assertThat(limits.tryTake(CallerQuotas.ofAddress("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255))).allowed()).isTrue();
        }
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        long size = limits.size(QuotaKind.ANONYMOUS);
        System.gc();
        long after = runtime.totalMemory() - runtime.freeMemory();
        System.out.printf("rate-limit store: 200,000 distinct addresses (and 200 HTTP calls) in %d ms, %d buckets kept "
                + "(max-keys %d), heap %+d KB%n", tookMs, size, maxKeys, (after - before) / 1024);

        assertThat(size).isLessThanOrEqualTo(maxKeys).isGreaterThan(maxKeys / 2);
        assertThat(busyStatuses).as("the busy caller during the flood").containsExactly(Map.entry(429, 200));
        assertThat(LoopbackHttp.get(busy, port, API, Map.of()).status()).as("the busy caller after the flood").isEqualTo(429);
        assertThat(LoopbackHttp.get("127.0.0.25", port, API, Map.of()).status()).as("a new address is still served").isEqualTo(200);
    }

    HttpResponse<String> bearer(String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + API)).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> withCookie(String cookie) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + API)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The dashboard's OpenID Connect sign-in, with the test as the browser: returns the signed-in session's cookie. */
    String signIn(String subject, String clinicId) throws Exception {
        HttpResponse<String> start = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oauth2/authorization/backtrack"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).isEqualTo(302);
        String cookie = sessionCookie(start, null);
        Map<String, String> authorize = query(start.headers().firstValue("Location").orElseThrow());
        String code = UUID.randomUUID().toString();
        ISSUER.expectLogin(code, authorize.get("nonce"), Map.of("sub", subject, "clinic_id", clinicId, "roles", List.of("CLINICIAN")));
        HttpResponse<String> callback = HTTP.send(HttpRequest.newBuilder(URI.create(authorize.get("redirect_uri") + "?code=" + code
                + "&state=" + java.net.URLEncoder.encode(authorize.get("state"), StandardCharsets.UTF_8))).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return sessionCookie(callback, cookie);
    }

    static String sessionCookie(HttpResponse<?> response, String current) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("BACKTRACK_SESSION="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(current);
    }

    static Map<String, String> query(String url) {
        Map<String, String> values = new HashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    static String quotaIn(String problem) {
        var matcher = java.util.regex.Pattern.compile("\"quota\":\"([a-z]+)\"").matcher(problem);
        return matcher.find() ? matcher.group(1) : "none: " + problem;
    }
}
