package org.backtrack.devstack;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.backtrack.testsupport.TestDefaults.WAIT;

/**
 * The suite signing its users in through a real Keycloak with the committed realm ({@code deploy/keycloak}): the
 * Keycloak distribution from Maven Central (unpacked by this module's build before the integration tests), started
 * once with {@code kc.sh start-dev --import-realm} on free ports, and the whole suite (broker, store, the four
 * services) started against it without the demo profile and without local-issuer. People sign in through the
 * gateway's login (authorization code: the test follows Keycloak's login form as a browser would) and machine clients
 * use client credentials, exactly as configured in the realm.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(Integer.MAX_VALUE) // last: it stops the shared suite, which no class after it then has to start again
class KeycloakSystemTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path REALM = ROOT.resolve("deploy/keycloak/backtrack-realm.json");
    /** Where the build unpacked the distribution (maven-dependency-plugin, pre-integration-test). */
    static final Path DISTRIBUTION = Path.of(System.getProperty("backtrack.keycloak.home", "target/keycloak/keycloak-" + System.getProperty("keycloak.version", "26.7.3"))).toAbsolutePath();
    static final Duration KEYCLOAK_START_TIMEOUT = Duration.ofMinutes(4);

    static final String CLINIC_A = "clinic-demo";
    static final String CLINIC_B = "clinic-riverside";
    static final String PATIENT = "patient-kc-" + UUID.randomUUID().toString().substring(0, 8);

    /** Secrets generated per run, handed to Keycloak as the realm file's placeholders. */
    static final Map<String, String> SECRETS = new LinkedHashMap<>();
    static final String USER_PASSWORD = "pw-" + UUID.randomUUID();

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"", Pattern.DOTALL);

    static ChildProcess keycloak;
    static DevStack stack;
    static DevStackConfig config;
    static Path dataDir;
    static String realmUrl;

    @BeforeAll
    static void startKeycloakAndTheSuite() throws Exception {
        // the shared suite of the other system tests would double the JVMs on two cores; this test runs its own
        SuiteUnderTest.stop();
        long t0 = System.nanoTime();
        assertThat(DISTRIBUTION.resolve("bin/kc.sh")).as("the build unpacks keycloak-quarkus-dist before the integration tests").exists();
        for (String name : List.of("BACKTRACK_GATEWAY_CLIENT_SECRET", "BACKTRACK_CLINIC_DEMO_CLIENT_SECRET",
                "BACKTRACK_CLINIC_RIVERSIDE_CLIENT_SECRET")) {
            SECRETS.put(name, "s-" + UUID.randomUUID());
        }
        dataDir = Files.createTempDirectory("backtrack-keycloak");
        int keycloakPort = freePort();
        realmUrl = "http://127.0.0.1:" + keycloakPort + "/realms/backtrack";
        config = new DevStackConfig(ROOT, dataDir, Path.of("target/lib").toAbsolutePath(), "127.0.0.1",
                freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), 0, 3,
                DevStackConfig.DEFAULT_SERVICE_JVM_OPTIONS);
        keycloak = startKeycloak(keycloakPort);
        // the suite needs no provider to start (the gateway's endpoints are configured, keys are fetched on first
        // use), so both start side by side
        stack = DevStack.start(config, OidcProvider.keycloak(realmUrl, SECRETS.get("BACKTRACK_GATEWAY_CLIENT_SECRET")));
        long suiteReady = System.nanoTime();
        awaitKeycloak();
        // kc.sh runs Keycloak's JVM as its child or replaces itself with it: count the script and all it started
        long rss = ProcessHandle.of(keycloak.pid()).stream().flatMap(script -> Stream.concat(Stream.of(script), script.descendants()))
                .mapToLong(process -> ProcessStats.rssMegabytes(process.pid()).orElse(0)).sum();
        System.out.printf("keycloak system test: suite ready after %.1f s, Keycloak after %.1f s, RSS of Keycloak %d MB%n",
                (suiteReady - t0) / 1e9, (System.nanoTime() - t0) / 1e9, rss);
    }

    @AfterAll
    static void stopEverything() throws IOException {
        if (stack != null) {
            stack.close();
        }
        if (keycloak != null) {
            keycloak.stop(Duration.ofSeconds(20));
        }
        if (dataDir != null) {
            try (var files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** A fresh H2 database and the committed realm in the import directory: the realm is imported on this start. */
    static ChildProcess startKeycloak(int port) throws IOException {
        Path data = DISTRIBUTION.resolve("data");
        if (Files.exists(data)) {
            try (var files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(data.resolve("import"));
        Files.copy(REALM, data.resolve("import").resolve(REALM.getFileName()));
        Map<String, String> environment = new LinkedHashMap<>(SECRETS);
        environment.put("BACKTRACK_REALM_USER_PASSWORD", USER_PASSWORD);
        environment.put("BACKTRACK_GATEWAY_URL", config.gatewayUrl());
        environment.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        return ChildProcess.start("keycloak", List.of(DISTRIBUTION.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + freePort()),
                environment, dataDir.resolve("logs/keycloak.log"));
    }

    static void awaitKeycloak() throws Exception {
        long deadline = System.nanoTime() + KEYCLOAK_START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(keycloak.isAlive()).as("Keycloak exited during start-up:%n%s", keycloak.logTail(40)).isTrue();
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(realmUrl + "/.well-known/openid-configuration")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Keycloak did not serve the realm within " + KEYCLOAK_START_TIMEOUT + ":\n" + keycloak.logTail(40));
    }

    @Test
    @Order(1)
    void theRealmPutsTheClinicAndRolesIntoAccessTokensForTheApi() {
        Map<String, String> claims = payload(clientToken("demo-integration"));
        assertThat(claims.get("clinic_id")).isEqualTo("\"" + CLINIC_A + "\"");
        assertThat(claims.get("roles")).contains("\"INTEGRATION\"");
        assertThat(claims.get("aud")).contains("\"backtrack-api\"");
        assertThat(claims.get("iss")).isEqualTo("\"" + realmUrl + "\"");
        assertThat(payload(clientToken("riverside-integration")).get("clinic_id")).isEqualTo("\"" + CLINIC_B + "\"");
    }

    @Test
    @Order(2)
    void theMachineClientPostsSessionsForItsOwnClinicOnly() throws Exception {
        HttpResponse<String> ownClinic = postAs("demo-integration", session(PATIENT + "-s1", CLINIC_A));
        assertThat(ownClinic.statusCode()).as(ownClinic.body()).isEqualTo(201);

        HttpResponse<String> otherClinic = postAs("demo-integration", session(PATIENT + "-s2", CLINIC_B));
        assertThat(otherClinic.statusCode()).isEqualTo(400);
        assertThat(otherClinic.body()).contains("clinicId");
        assertThat(postAs("riverside-integration", session(PATIENT + "-s3", CLINIC_A)).statusCode()).isEqualTo(400);
        // no token, or a token Keycloak never issued: 401
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(config.gatewayUrl() + "/api/v1/sessions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(session(PATIENT + "-s4", CLINIC_A)))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void aClinicianOfClinicASignsInThroughTheGatewayAndSeesTheClinicsData() throws Exception {
        Browser clinician = Browser.signIn("dr.lee");

        String dashboard = clinician.get("/dashboard/config").body();
        assertThat(dashboard).contains("\"clinicId\":\"" + CLINIC_A + "\"", "\"CLINICIAN\"");
        HttpResponse<String> sessions = clinician.get("/api/v1/patients/" + PATIENT + "/sessions");
        assertThat(sessions.statusCode()).isEqualTo(200);
        assertThat(sessions.body()).contains(PATIENT + "-s1").doesNotContain(PATIENT + "-s2", PATIENT + "-s3");
        // through Kafka into progress-service's read model, read with the same sign-in
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250))
                .until(() -> clinician.get("/api/v1/patients/" + PATIENT + "/progress").statusCode() == 200);
        assertThat(clinician.get("/api/v1/clinics/" + CLINIC_A + "/patients").body()).contains(PATIENT);
    }

    @Test
    @Order(4)
    void aClinicianOfClinicBSeesNothingOfClinicA() throws Exception {
        Browser other = Browser.signIn("dr.rivers");

        assertThat(other.get("/dashboard/config").body()).contains("\"clinicId\":\"" + CLINIC_B + "\"");
        HttpResponse<String> sessions = other.get("/api/v1/patients/" + PATIENT + "/sessions");
        assertThat(sessions.body()).doesNotContain(PATIENT + "-s1");
        assertThat(sessions.statusCode()).isIn(200, 404);
        assertThat(other.get("/api/v1/patients/" + PATIENT + "/progress").statusCode()).isEqualTo(404);
        assertThat(other.get("/api/v1/clinics/" + CLINIC_A + "/patients").statusCode()).isIn(403, 404);
        assertThat(other.get("/api/v1/clinics/" + CLINIC_B + "/patients").body()).doesNotContain(PATIENT);
    }

    @Test
    @Order(5)
    void aWrongPasswordIsRefusedByKeycloakAndNoSessionReachesTheApi() throws Exception {
        Browser stranger = new Browser();
        HttpResponse<String> login = stranger.startSignIn();
        HttpResponse<String> refused = stranger.submit(login, "dr.lee", "not-the-password");
        assertThat(refused.statusCode()).isEqualTo(200); // the login form again, with an error
        assertThat(stranger.get("/api/v1/clinics/" + CLINIC_A + "/patients").statusCode()).isEqualTo(401);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    static String session(String sessionId, String clinic) {
        return """
                {"sessionId":"%s","clinicId":"%s","patientId":"%s","completedAt":"%s",
                 "painBefore":6,"painAfter":4,"flags":{"sharpPain":false,"radiatingPain":false,"numbness":false,"nightPain":false}}"""
                .formatted(sessionId, clinic, PATIENT, Instant.now().minusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    static HttpResponse<String> postAs(String client, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(config.gatewayUrl() + "/api/v1/sessions"))
                .header("Authorization", "Bearer " + clientToken(client)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A machine client's token from Keycloak's token endpoint (client credentials, secret in HTTP Basic). */
    static String clientToken(String client) {
        String secret = switch (client) {
            case "demo-integration" -> SECRETS.get("BACKTRACK_CLINIC_DEMO_CLIENT_SECRET");
            case "riverside-integration" -> SECRETS.get("BACKTRACK_CLINIC_RIVERSIDE_CLIENT_SECRET");
            default -> throw new IllegalArgumentException(client);
        };
        try {
            String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                    .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(token.find()).isTrue();
            return token.group(1);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The top-level claims of a JWT, each as its raw JSON text (enough for these checks, no JSON library needed). */
    static Map<String, String> payload(String jwt) {
        String json = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        Map<String, String> claims = new LinkedHashMap<>();
        Matcher claim = Pattern.compile("\"([^\"]+)\":(\"[^\"]*\"|\\[[^\\]]*]|\\{[^}]*(\\{[^}]*}[^}]*)*}|[^,}]+)").matcher(json);
        while (claim.find()) {
            claims.putIfAbsent(claim.group(1), claim.group(2));
        }
        return claims;
    }

    /**
     * A browser's part of the gateway's sign-in: its own cookies per host and port (the gateway's session cookie,
     * Keycloak's login cookies), redirects followed one by one, Keycloak's login form filled in and posted.
     */
    static final class Browser {
        private final Map<String, Map<String, String>> cookies = new LinkedHashMap<>();

        static Browser signIn(String username) throws Exception {
            Browser browser = new Browser();
            HttpResponse<String> landed = browser.submit(browser.startSignIn(), username, USER_PASSWORD);
            assertThat(landed.statusCode()).as("signed in and back at the dashboard: %s", landed.body()).isIn(200, 304);
            assertThat(landed.uri().toString()).startsWith(config.gatewayUrl());
            return browser;
        }

        /** Asks the gateway for a page; it sends the browser on to Keycloak's login form. */
        HttpResponse<String> startSignIn() throws Exception {
            HttpResponse<String> form = follow(request(URI.create(config.gatewayUrl() + "/oauth2/authorization/backtrack")).GET().build());
            assertThat(form.uri().toString()).startsWith(realmUrl + "/protocol/openid-connect/auth");
            return form;
        }

        HttpResponse<String> submit(HttpResponse<String> loginPage, String username, String password) throws Exception {
            Matcher form = LOGIN_FORM.matcher(loginPage.body());
            assertThat(form.find()).as("Keycloak's login form in %s", loginPage.body()).isTrue();
            URI action = loginPage.uri().resolve(form.group(1).replace("&amp;", "&"));
            String fields = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
            return follow(request(action).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(fields)).build());
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(request(URI.create(config.gatewayUrl() + path)).header("Accept", "application/json").GET().build());
        }

        private HttpRequest.Builder request(URI uri) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
            Map<String, String> mine = cookies.getOrDefault(origin(uri), Map.of());
            if (!mine.isEmpty()) {
                List<String> pairs = new ArrayList<>();
                mine.forEach((name, value) -> pairs.add(name + "=" + value));
                builder.header("Cookie", String.join("; ", pairs));
            }
            return builder;
        }

        private HttpResponse<String> follow(HttpRequest first) throws Exception {
            HttpResponse<String> response = send(first);
            for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
                URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
                response = send(request(next).GET().build());
            }
            return response;
        }

        private HttpResponse<String> send(HttpRequest request) throws Exception {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, String> jar = cookies.computeIfAbsent(origin(request.uri()), origin -> new LinkedHashMap<>());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int equals = pair.indexOf('=');
                String name = pair.substring(0, equals).trim();
                String value = pair.substring(equals + 1).trim();
                boolean expired = header.toLowerCase().contains("max-age=0") || value.isEmpty();
                if (expired) {
                    jar.remove(name);
                } else {
                    jar.put(name, value);
                }
            }
            return response;
        }

        private static String origin(URI uri) {
            return uri.getHost() + ":" + uri.getPort();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
