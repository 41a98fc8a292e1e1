package org.backtrack.devstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.backtrack.events.CloudEvent;
import org.backtrack.events.SessionCompleted;
import org.backtrack.events.SessionEventCodec;
import org.backtrack.events.Topics;
import org.backtrack.testsupport.KafkaTestClient;
import org.backtrack.testsupport.TraceContext;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.backtrack.testsupport.TestDefaults.WAIT;
import static org.backtrack.testsupport.TestDefaults.JSON;
import static org.backtrack.testsupport.OutsideTools.assumeInstalled;

/**
 * The whole suite as {@code ./backtrack up} runs it: the real Kafka broker and the MongoDB-wire server on disk,
 * the four service jars as child JVMs, on free ports and a temporary data directory. Checks the round trip
 * through the gateway, the event on the topic as outside clients (Java, kcat, mongosh) see it, and dead letters.
 * That a restart keeps the data is {@link LauncherSystemTest}'s second start, on the same data directory (one restart
 * of the whole suite for both).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevStackSystemTest {

    static DevStackConfig config;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String PATIENT = "patient-sys-" + UUID.randomUUID().toString().substring(0, 8);
    /** The W3C trace context a caller sends with the first session: its trace must reach both topics. */
    static final String CALLER_TRACE = TraceContext.newTraceparent();

    @BeforeAll
    static void startTheSuite() throws Exception {
        config = SuiteUnderTest.config();
    }

    @Test
    @Order(1)
    void theGatewayIsHealthyAndTheDemoClinicIsSeeded() throws Exception {
        assertThat(get("/actuator/health").body()).contains("\"status\":\"UP\"");
        String overview = getAs(CLINICIAN, "/api/v1/clinics/" + DemoClinic.CLINIC_ID + "/patients").body();
        assertThat(overview).contains(DemoClinic.patientId(0), DemoClinic.patientId(1));
        // the dashboard asks for a sign-in at the issuer first
        var page = HTTP.send(HttpRequest.newBuilder(URI.create(config.gatewayUrl() + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/oauth2/authorization/backtrack"));
        // and the API without a token is 401, with another clinic's token 404
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(config.gatewayUrl() + "/api/v1/clinics/" + DemoClinic.CLINIC_ID
                + "/patients")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/clinics/" + DemoClinic.CLINIC_ID + "/patients").statusCode()).isEqualTo(404);
        // (patient-01 and -02 may exist at riverside too: the authorization matrix writes its own patients of those ids)
        assertThat(get("/api/v1/patients/" + DemoClinic.patientId(2) + "/progress").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void aSessionPostedThroughTheGatewayTravelsThroughKafkaIntoTheProgressApi() throws Exception {
        long posted = System.nanoTime();
        HttpResponse<String> response = DemoTokens.send(RIVERSIDE_CLINICIAN, HttpRequest.newBuilder(URI.create(config.gatewayUrl()
                        + "/api/v1/sessions")).timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .header(TraceContext.TRACEPARENT, CALLER_TRACE).POST(HttpRequest.BodyPublishers.ofString(session(PATIENT + "-s1", 6, 4))));
        assertThat(response.statusCode()).isEqualTo(201);

        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> get(progressPath()).statusCode() == 200);
        System.out.printf("POST -> visible in progress API: %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - posted));
        String progress = get(progressPath()).body();
        assertThat(progress).contains("\"sessionCount\":1", "\"painBefore\":6", "\"painAfter\":4", "\"status\":\"INSUFFICIENT_DATA\"");
    }

    @Test
    @Order(3)
    void aJavaKafkaClientSeesTheCloudEventAsTheContractSpecifies() {
        try (var kafka = new KafkaTestClient(config.kafkaBootstrap())) {
            var records = kafka.readUntil(Topics.SESSIONS, r -> r.value().contains(PATIENT + "-s1"), WAIT);
            var record = records.get(records.size() - 1);
            assertThat(record.key()).isEqualTo(PATIENT);
            CloudEvent<SessionCompleted> event = new SessionEventCodec().decode(record.value().getBytes(StandardCharsets.UTF_8));
            assertThat(event.specversion()).isEqualTo("1.0");
            assertThat(event.type()).isEqualTo("backtrack.session.completed.v1");
            assertThat(event.source()).isEqualTo("/routine-service");
            assertThat(event.subject()).isEqualTo(PATIENT);
            assertThat(event.datacontenttype()).isEqualTo("application/json");
            assertThat(event.dataschema()).isEqualTo(org.backtrack.events.DataSchemas.SESSION_COMPLETED);
            assertThat(event.data().clinicId()).isEqualTo("clinic-riverside");
            assertThat(record.value()).contains("\"completedAt\":\"2026-11-20T07:31:00Z\"");
            // one trace from the POST (gateway, routine-service) through the record to the progress it caused
            String traceId = TraceContext.traceIdOf(CALLER_TRACE);
            assertThat(record.headers().get(TraceContext.TRACEPARENT)).as("the sessions record's trace").contains(traceId);
            var progress = kafka.readUntil(Topics.PROGRESS, r -> PATIENT.equals(r.key()), WAIT).stream()
                    .filter(r -> PATIENT.equals(r.key())).findFirst().orElseThrow();
            assertThat(progress.headers().get(TraceContext.TRACEPARENT)).as("the progress record's trace").contains(traceId);
        }
    }

    @Test
    @Order(4)
    void eventsProducedDirectlyCountOnceAndMalformedOnesAreDeadLettered() {
        String patient = PATIENT + "-direct";
        String event = cloudEvent("direct-" + UUID.randomUUID(), patient, patient + "-s1", 5, 3);
        try (var kafka = new KafkaTestClient(config.kafkaBootstrap())) {
            kafka.send(Topics.SESSIONS, patient, event);
            kafka.send(Topics.SESSIONS, patient, event);
            kafka.send(Topics.SESSIONS, patient, "{\"specversion\":\"1.0\",\"data\":");
            kafka.send(Topics.SESSIONS, patient, cloudEvent("direct-" + UUID.randomUUID(), patient, patient + "-s2", 4, 3));

            await().atMost(WAIT).untilAsserted(() -> assertThat(get("/api/v1/patients/" + patient + "/progress").body())
                    .contains("\"sessionCount\":2"));
            var deadLetters = kafka.readUntil(Topics.SESSIONS_DLT, r -> patient.equals(r.key()), WAIT);
            assertThat(deadLetters.get(deadLetters.size() - 1).headers().get("backtrack-dlt-reason")).contains("not valid JSON");
        }
    }

    @Test
    @Order(5)
    void kcatSeesTheEventAndWhatItProducesIsCounted() throws Exception {
        assumeInstalled(() -> onPath("kcat"), "kcat is not installed (apt-get install kcat); .ci/run installs it");
        String consumed = run(List.of("kcat", "-b", config.kafkaBootstrap(), "-C", "-t", Topics.SESSIONS, "-o", "beginning",
                "-e", "-q", "-f", "%k|%s\\n"), null);
        assertThat(consumed).contains(PATIENT + "|{\"specversion\":\"1.0\"");

        String patient = PATIENT + "-kcat";
        String event = cloudEvent("kcat-" + UUID.randomUUID(), patient, patient + "-s1", 7, 5);
        for (int i = 0; i < 2; i++) {
            run(List.of("kcat", "-b", config.kafkaBootstrap(), "-P", "-t", Topics.SESSIONS, "-K", "|"), patient + "|" + event + "\n");
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(get("/api/v1/patients/" + patient + "/progress").body())
                .contains("\"sessionCount\":1", "\"painBefore\":7"));
    }

    @Test
    @Order(6)
    void theMongoDriverFindsTheSessionsInTheDevstackStore() {
        try (MongoClient mongo = MongoClients.create(config.mongoUri())) {
            Document progressCopy = mongo.getDatabase("progress").getCollection("sessions")
                    .find(Filters.eq("_id", "clinic-riverside/" + PATIENT + "-s1")).first();
            assertThat(progressCopy).isNotNull();
            assertThat(progressCopy.getString("patientId")).isEqualTo(PATIENT);
            assertThat(mongo.getDatabase("routine").getCollection("sessions").countDocuments(Filters.eq("patientId", PATIENT))).isEqualTo(1);
            assertThat(mongo.getDatabase("catalog").getCollection("exercises").countDocuments(Filters.eq("clinicId", null))).isEqualTo(16);
        }
    }

    @Test
    @Order(7)
    void mongoshConnectsToTheDevstackStore() throws Exception {
        assumeInstalled(() -> onPath("mongosh"), "mongosh is not installed (npm install -g mongosh); .ci/run installs it");
        String count = run(List.of("mongosh", "--quiet", config.mongoUri() + "/progress", "--eval",
                "db.sessions.countDocuments({patientId: '" + PATIENT + "'})"), null);
        assertThat(count.strip()).endsWith("1");
    }

    @Test
    @Order(8)
    void sessionsLoggedWhileTheBrokerIsDownReachTheTopicExactlyOnceWhenItReturns() throws Exception {
        String patient = PATIENT + "-outage";
        SuiteUnderTest.stopKafka();
        try {
            for (int i = 1; i <= 3; i++) {
                String body = sessionOf(patient, patient + "-s" + i, 5, 4);
                HttpResponse<String> accepted = post("/api/v1/sessions", body);
                assertThat(accepted.statusCode()).as("stored while the broker is away").isEqualTo(202);
                assertThat(accepted.body()).contains("\"publication\":\"PENDING\"");
            }
            // a client retry meanwhile is answered from the store, and owes no second event
            assertThat(post("/api/v1/sessions", sessionOf(patient, patient + "-s1", 5, 4)).statusCode()).isEqualTo(202);
        } finally {
            SuiteUnderTest.startKafka();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(get("/api/v1/patients/" + patient + "/progress").body())
                .contains("\"sessionCount\":3"));
        try (var kafka = new KafkaTestClient(config.kafkaBootstrap())) {
            var mine = kafka.readAll(Topics.SESSIONS, Duration.ofSeconds(3)).stream().filter(r -> patient.equals(r.key())).toList();
            assertThat(mine).hasSize(3);
            assertThat(mine).extracting(r -> r.value().replaceAll(".*\"sessionId\":\"([^\"]+)\".*", "$1"))
                    .containsExactly(patient + "-s1", patient + "-s2", patient + "-s3");
        }
    }

    @Test
    @Order(9)
    void routinesAreComposedFromTheCatalogAndStillWhenItIsDown() throws Exception {
        String body = """
                {"patientId":"%s","clinicId":"clinic-riverside","minutes":10,"timeOfDay":"MORNING","focusRegions":["LOWER_BACK"],"stage":"BASIC"}"""
                .formatted(PATIENT);
        HttpResponse<String> live = post("/api/v1/routines", body);
        assertThat(live.statusCode()).isEqualTo(201);
        assertThat(live.body()).contains("\"catalogSource\":\"LIVE\"", "\"section\":\"WARM_UP\"");

        SuiteUnderTest.stopService("catalog-service");
        try {
            HttpResponse<String> fromCopy = post("/api/v1/routines", body);
            assertThat(fromCopy.statusCode()).isEqualTo(201);
            assertThat(fromCopy.body()).contains("\"catalogSource\":\"LOCAL_COPY\"", "\"exerciseId\"");
            assertThat(get("/api/v1/patients/" + PATIENT + "/routines").body()).contains("LIVE", "LOCAL_COPY");
        } finally {
            // the system and browser tests after this one share the suite: they get it whole again
            SuiteUnderTest.restartService("catalog-service");
        }
    }

    static Map<String, Integer> sessionCounts(String overview) {
        var counts = new java.util.TreeMap<String, Integer>();
        for (var row : JSON.readTree(overview)) {
            counts.put(row.get("patientId").asString(), row.get("sessionCount").asInt());
        }
        assertThat(counts).isNotEmpty();
        return counts;
    }

    static String progressPath() {
        return "/api/v1/patients/" + PATIENT + "/progress";
    }

    static String session(String sessionId, int before, int after) {
        return sessionOf(PATIENT, sessionId, before, after);
    }

    static String sessionOf(String patient, String sessionId, int before, int after) {
        return """
                {"sessionId":"%s","clinicId":"clinic-riverside","patientId":"%s","completedAt":"2026-11-20T07:31:00Z",
                 "painBefore":%d,"painAfter":%d,"flags":{"sharpPain":false,"radiatingPain":false,"numbness":false,"nightPain":false}}"""
                .formatted(sessionId, patient, before, after);
    }

    static String cloudEvent(String id, String patient, String sessionId, int before, int after) {
        return ("{\"specversion\":\"1.0\",\"id\":\"%s\",\"source\":\"/system-test\",\"type\":\"backtrack.session.completed.v1\","
                + "\"subject\":\"%s\",\"time\":\"%s\",\"data\":{\"sessionId\":\"%s\",\"clinicId\":\"clinic-riverside\",\"patientId\":\"%s\","
                + "\"completedAt\":\"2026-11-21T08:00:00Z\",\"painBefore\":%d,\"painAfter\":%d}}")
                .formatted(id, patient, Instant.now(), sessionId, patient, before, after);
    }

    /** The system test's own patients live in a second clinic, so the demo clinic stays as seeded. */
    static final String RIVERSIDE_CLINICIAN = "dr.rivers";
    static final String CLINICIAN = "dr.lee";

    static HttpResponse<String> get(String path) throws Exception {
        return getAs(RIVERSIDE_CLINICIAN, path);
    }

    static HttpResponse<String> getAs(String user, String path) throws Exception {
        return DemoTokens.send(user, HttpRequest.newBuilder(URI.create(config.gatewayUrl() + path)).timeout(Duration.ofSeconds(10)));
    }

    static HttpResponse<String> post(String path, String json) throws Exception {
        return DemoTokens.send(RIVERSIDE_CLINICIAN, HttpRequest.newBuilder(URI.create(config.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static boolean onPath(String command) {
        return Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    static String run(List<String> command, String stdin) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (stdin != null) {
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s printed:%n%s", command, output).isZero();
        return output;
    }

}
