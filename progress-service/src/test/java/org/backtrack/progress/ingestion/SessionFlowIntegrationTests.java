package org.backtrack.progress.ingestion;

import org.backtrack.events.Topics;
import org.backtrack.testsupport.KafkaTestClient;
import org.backtrack.testsupport.TestHttp;
import org.backtrack.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Session events produced by a plain Kafka client, as an integrator would, travel into MongoDB and back out of
 * the progress API. Runs on the embedded servers and, where Docker runs, on real containers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "backtrack.ingress.discovery-interval=1000")
abstract class SessionFlowIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @org.springframework.beans.factory.annotation.Autowired
    org.backtrack.progress.readmodel.PatientWindows windows;
    @org.springframework.beans.factory.annotation.Autowired
    org.backtrack.progress.readmodel.ReadModelRebuild rebuild;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.mongodb.core.MongoOperations mongo;
    @org.springframework.beans.factory.annotation.Autowired
    org.backtrack.progress.readmodel.StoredDataUpgrade upgrade;

    KafkaTestClient kafka;
    RestClient http;
    String patientId;

    @BeforeEach
    void setUp() {
        kafka = new KafkaTestClient(bootstrapServers);
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + TestIssuer.clinician("clinic-it")).build();
        patientId = "patient-" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    String event(String eventId, String sessionId, String time, int painBefore, int painAfter) {
        return """
                {"specversion":"1.0","id":"%s","source":"/test","type":"backtrack.session.completed.v1",
                 "subject":"%s","time":"%s","datacontenttype":"application/json",
                 "data":{"sessionId":"%s","clinicId":"clinic-it","patientId":"%s",
                         "completedAt":"2026-11-20T07:31:00Z","painBefore":%d,"painAfter":%d}}"""
                .formatted(eventId, patientId, time, patientId + "-" + sessionId, patientId, painBefore, painAfter);
    }

    JsonNode progress() {
        return http.get().uri("/api/v1/patients/{id}/progress", patientId).retrieve().body(JsonNode.class);
    }

    void awaitSessionCount(int count) {
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(progress().get("sessionCount").asInt()).isEqualTo(count));
    }

    @Test
    void anEventOnTheTopicShowsUpInTheProgressApi() {
        kafka.send(Topics.SESSIONS, patientId, event("e-1", "s-1", "2026-11-20T07:31:00Z", 6, 4));

        awaitSessionCount(1);
        JsonNode progress = progress();
        assertThat(progress.get("clinicId").asString()).isEqualTo("clinic-it");
        assertThat(progress.get("status").asString()).isEqualTo("INSUFFICIENT_DATA");
        JsonNode point = progress.get("series").get(0);
        assertThat(point.get("sessionId").asString()).isEqualTo(patientId + "-s-1");
        assertThat(point.get("painBefore").asInt()).isEqualTo(6);
        assertThat(point.get("painAfter").asInt()).isEqualTo(4);
    }

    @Test
    void theSameEventTwiceCountsOnceAndACorrectionReplacesTheSession() {
        kafka.send(Topics.SESSIONS, patientId, event("e-1", "s-1", "2026-11-20T07:31:00Z", 6, 4));
        kafka.send(Topics.SESSIONS, patientId, event("e-1", "s-1", "2026-11-20T07:31:00Z", 6, 4));
        kafka.send(Topics.SESSIONS, patientId, event("e-2", "s-2", "2026-11-20T07:31:00Z", 5, 5));
        awaitSessionCount(2);

        kafka.send(Topics.SESSIONS, patientId, event("e-3", "s-1", "2026-11-20T09:00:00Z", 6, 2)); // correction
        kafka.send(Topics.SESSIONS, patientId, event("e-0", "s-1", "2026-11-20T07:00:00Z", 9, 9)); // older, late
        kafka.send(Topics.SESSIONS, patientId, event("e-1", "s-1", "2026-11-20T07:31:00Z", 6, 4)); // redelivery

        await().atMost(WAIT).untilAsserted(() -> assertThat(progress().get("series").findValues("painAfter"))
                .extracting(JsonNode::asInt).contains(2));
        // the stale and redelivered events behind the correction changed nothing
        kafka.send(Topics.SESSIONS, patientId, event("e-4", "s-3", "2026-11-20T10:00:00Z", 4, 3));
        awaitSessionCount(3);
        assertThat(progress().get("series").findValues("painAfter")).extracting(JsonNode::asInt).containsExactlyInAnyOrder(2, 5, 3);
    }

    @Test
    void aMalformedEventIsDeadLetteredWithItsReasonAndTheConsumerCarriesOn() {
        String bad = event("e-bad", "s-bad", "2026-11-20T07:31:00Z", 11, 4);
        kafka.send(Topics.SESSIONS, patientId, bad);
        kafka.send(Topics.SESSIONS, patientId, "{not json");
        kafka.send(Topics.SESSIONS, patientId, event("e-good", "s-good", "2026-11-20T07:31:00Z", 3, 2));

        awaitSessionCount(1);
        var deadLetters = kafka.readUntil(Topics.SESSIONS_DLT,
                r -> patientId.equals(r.key()) && r.value().startsWith("{not json"), WAIT);
        var mine = deadLetters.stream().filter(r -> patientId.equals(r.key())).toList();
        assertThat(mine).hasSize(2);
        assertThat(mine.get(0).value()).isEqualTo(bad); // the original bytes, untouched
        assertThat(mine.get(0).headers().get(KafkaConfiguration.REASON_HEADER)).contains("data.painBefore");
        assertThat(mine.get(0).headers()).containsKey("kafka_dlt-exception-message");
        assertThat(mine.get(1).headers().get(KafkaConfiguration.REASON_HEADER)).contains("not valid JSON");
    }

    @Test
    void oneBatchWithCorrectionsDuplicatesAndPoisonCountsEachValidSessionOnce() {
        String painEleven = event("e-11", "s-11", "2026-11-20T07:31:00Z", 11, 4);
        kafka.sendAll(Topics.SESSIONS, java.util.stream.Stream.of(
                event("e-1", "s-1", "2026-11-20T07:31:00Z", 6, 4),
                event("e-2", "s-1", "2026-11-20T09:00:00Z", 6, 1), // correction inside the batch
                event("e-1", "s-1", "2026-11-20T07:31:00Z", 6, 4), // redelivery of the first version
                painEleven,
                event("e-3", "s-2", "2026-11-20T07:31:00Z", 5, 5),
                "{\"specversion\":\"1.0\",\"data\":[",
                event("e-4", "s-3", "2026-11-20T07:31:00Z", 4, 3))
                .map(v -> (Map.Entry<String, String>) new java.util.AbstractMap.SimpleEntry<>(patientId, v)).toList());

        awaitSessionCount(3);
        assertThat(progress().get("series").findValues("painAfter")).extracting(JsonNode::asInt).containsExactlyInAnyOrder(1, 5, 3);
        var mine = kafka.readUntil(Topics.SESSIONS_DLT, r -> patientId.equals(r.key()) && r.value().startsWith("{\"specversion\":\"1.0\",\"data\":["), WAIT)
                .stream().filter(r -> patientId.equals(r.key())).toList();
        assertThat(mine).extracting(KafkaTestClient.ReceivedRecord::value).containsExactly(painEleven, "{\"specversion\":\"1.0\",\"data\":[");
        assertThat(mine.get(0).headers().get(KafkaConfiguration.REASON_HEADER)).contains("data.painBefore");
    }

    String session(String eventId, String sessionId, String time, String completedAt, int painBefore, int painAfter, boolean redFlag) {
        return """
                {"specversion":"1.0","id":"%s","source":"/test","type":"backtrack.session.completed.v1",
                 "subject":"%s","time":"%s","data":{"sessionId":"%s","clinicId":"clinic-it","patientId":"%s",
                 "completedAt":"%s","painBefore":%d,"painAfter":%d,"flags":{"numbness":%s}}}"""
                .formatted(eventId, patientId, time, patientId + "-" + sessionId, patientId, completedAt, painBefore, painAfter, redFlag);
    }

    @Test
    void progressIsPublishedOnlyWhenStatusSuggestionOrAlertsChange() {
        for (int day = 1; day <= 3; day++) {
            kafka.send(Topics.SESSIONS, patientId, session("e" + day, "s" + day, "2026-11-0" + day + "T08:00:00Z",
                    "2026-11-0" + day + "T07:00:00Z", 5, 4, false));
        }
        kafka.send(Topics.SESSIONS, patientId, session("e4", "s4", "2026-11-04T08:00:00Z", "2026-11-04T07:00:00Z", 5, 4, true));

        var records = kafka.readUntil(Topics.PROGRESS, r -> patientId.equals(r.key()) && r.value().contains("RED_FLAG"), WAIT);
        var mine = records.stream().filter(r -> patientId.equals(r.key())).toList();
        assertThat(mine).hasSize(2);
        assertThat(mine.get(0).value()).contains("\"type\":\"backtrack.progress.status-changed.v1\"",
                "\"status\":\"INSUFFICIENT_DATA\"", "\"asOf\":\"2026-11-01T07:00:00Z\"");
        assertThat(mine.get(1).value()).contains("\"previousStatus\":\"INSUFFICIENT_DATA\"", "\"status\":\"RED_FLAG\"",
                "\"action\":\"SEE_A_PROFESSIONAL\"", "RED_FLAG_SYMPTOM");
    }

    @Test
    void theReadModelCheckFindsAStoredWindowThatNoLongerMatchesItsSessions() {
        kafka.send(Topics.SESSIONS, patientId, event("e-1", "s-1", "2026-11-20T07:31:00Z", 6, 4));
        awaitSessionCount(1);
        RestClient operator = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + TestIssuer.platformAdmin()).build();
        await().atMost(WAIT).untilAsserted(() -> assertThat(operator.get().uri("/actuator/readmodels").retrieve()
                .body(JsonNode.class).get("windowMismatches").valueStream().map(JsonNode::asString)).doesNotContain("clinic-it/" + patientId));

        windows.replace(org.backtrack.progress.assessment.PatientWindow.empty(patientId, "clinic-it")); // as a bad write would

        JsonNode report = operator.get().uri("/actuator/readmodels").retrieve().body(JsonNode.class);
        assertThat(report.get("windowMismatches").valueStream().map(JsonNode::asString)).contains("clinic-it/" + patientId);
        assertThat(report.get("consistent").asBoolean()).isFalse();
        assertThatThrownBy(() -> http.get().uri("/actuator/readmodels").retrieve().body(String.class))
                .isInstanceOf(HttpClientErrorException.Forbidden.class);
        rebuild.rebuildAll();
        assertThat(operator.get().uri("/actuator/readmodels").retrieve().body(JsonNode.class).get("windowMismatches")
                .valueStream().map(JsonNode::asString)).doesNotContain("clinic-it/" + patientId);

        // the listing that finds a patient's sessions by id: a lost entry hides the session and is reported
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("patientId").is(patientId)), "patient_session_months");
        assertThatThrownBy(this::progress).isInstanceOf(HttpClientErrorException.NotFound.class);
        assertThat(operator.get().uri("/actuator/readmodels").retrieve().body(JsonNode.class).get("unlistedSessions")
                .valueStream().map(JsonNode::asString)).contains("clinic-it/" + patientId + "-s-1");
        rebuild.rebuildAll();
        assertThat(progress().get("sessionCount").asInt()).isEqualTo(1);
    }

    @Test
    void sessionsStoredBeforeTheMonthListingExistedAreListedOnTheNextStart() {
        kafka.send(Topics.SESSIONS, patientId, event("e-1", "s-1", "2026-11-20T07:31:00Z", 6, 4));
        awaitSessionCount(1);
        mongo.dropCollection("patient_session_months"); // as in a data directory from before the listing
        mongo.dropCollection("read_model_schema");     // written before read models had a version

        assertThatThrownBy(this::progress).isInstanceOf(HttpClientErrorException.NotFound.class);
        upgrade.afterSingletonsInstantiated(); // what the next start runs before the consumer starts
        assertThat(progress().get("sessionCount").asInt()).isEqualTo(1);
    }

    @Test
    void aRebuildFromTheRawSessionsReproducesTheIncrementalReadModels() {
        var random = new java.util.Random(42);
        var events = new java.util.ArrayList<String>();
        for (int day = 1; day <= 40; day++) {
            String date = java.time.LocalDate.of(2026, 9, 1).plusDays(day).toString();
            events.add(session("e" + day, "s" + day, date + "T09:00:00Z", date + "T07:00:00Z", 7 - day / 8, 5 - day / 10, false));
        }
        for (int i = 0; i < 8; i++) { // corrections with a later event time, and redeliveries
            int day = 1 + random.nextInt(40);
            String date = java.time.LocalDate.of(2026, 9, 1).plusDays(day).toString();
            events.add(session("c" + i, "s" + day, date + "T10:00:00Z", date + "T07:30:00Z", random.nextInt(11), random.nextInt(11), false));
            events.add(events.get(random.nextInt(events.size())));
        }
        java.util.Collections.shuffle(events, random); // offline apps sync late and out of order
        events.forEach(e -> kafka.send(Topics.SESSIONS, patientId, e));
        awaitSessionCount(40);
        await().atMost(WAIT).until(() -> windows.find("clinic-it", patientId).map(w -> w.recent().size()).orElse(0) > 0);
        await().during(java.time.Duration.ofSeconds(2)).atMost(WAIT).until(() -> true); // let in-flight records settle
        var incremental = windows.all().stream()
                .collect(java.util.stream.Collectors.toMap(w -> w.patientId(), w -> w));

        rebuild.rebuildAll();

        var rebuilt = windows.all().stream().collect(java.util.stream.Collectors.toMap(w -> w.patientId(), w -> w));
        assertThat(rebuilt).isEqualTo(incremental);
        assertThat(rebuilt.get(patientId).baseline()).isNotEmpty();
    }

    @Test
    void anUnknownPatientIsAProblemDocument() {
        assertThatThrownBy(this::progress).isInstanceOfSatisfying(HttpClientErrorException.NotFound.class, e -> {
            assertThat(e.getResponseHeaders().getContentType().toString()).isEqualTo("application/problem+json");
            assertThat(e.getResponseBodyAsString()).contains(patientId);
        });
    }

    @Test
    void clinicOverviewListsThePatientAndRejectsAnUnknownStatus() {
        kafka.send(Topics.SESSIONS, patientId, event("e-1", "s-1", "2026-11-20T07:31:00Z", 6, 4));
        awaitSessionCount(1);

        JsonNode overview = http.get().uri("/api/v1/clinics/clinic-it/patients?status=INSUFFICIENT_DATA").retrieve().body(JsonNode.class);
        assertThat(overview.findValues("patientId")).extracting(JsonNode::asString).contains(patientId);
        assertThatThrownBy(() -> http.get().uri("/api/v1/clinics/clinic-it/patients?status=SOMEWHAT_BETTER").retrieve().body(String.class))
                .isInstanceOfSatisfying(HttpClientErrorException.BadRequest.class,
                        e -> assertThat(e.getResponseBodyAsString()).contains("status"));
    }

    @Test
    void aPatientIsVisibleToItsOwnClinicAndToItselfOnly() {
        kafka.send(Topics.SESSIONS, patientId, event("e-1", "s-1", "2026-11-20T07:31:00Z", 6, 4));
        awaitSessionCount(1);
        int[] statuses = {
                status(TestIssuer.clinician("clinic-elsewhere"), "/api/v1/patients/" + patientId + "/progress"),
                status(TestIssuer.patient("clinic-it", "another-" + patientId), "/api/v1/patients/" + patientId + "/progress"),
                status(TestIssuer.patient("clinic-it", patientId), "/api/v1/patients/" + patientId + "/progress"),
                status(TestIssuer.clinician("clinic-elsewhere"), "/api/v1/clinics/clinic-it/patients"),
                status(TestIssuer.patient("clinic-it", patientId), "/api/v1/clinics/clinic-it/patients"),
                status(TestIssuer.platformAdmin(), "/api/v1/patients/" + patientId + "/progress"),
                status(null, "/api/v1/patients/" + patientId + "/progress")};
        assertThat(statuses).containsExactly(404, 404, 200, 404, 403, 403, 401);
        // and who looked is on record for the clinic's administrators
        JsonNode log = TestHttp.client(port, TestIssuer.clinicAdmin("clinic-it")).get()
                .uri("/api/v1/access-log/progress-service?patientId={p}", patientId).retrieve().body(JsonNode.class);
        assertThat(log.findValues("user")).extracting(JsonNode::asString).contains(patientId + "@clinic-it");
    }

    @Test
    void twoClinicsWithTheSamePatientAndSessionIdsNeverMeet() {
        kafka.send(Topics.SESSIONS, patientId, event("e-1", "s-1", "2026-11-20T07:31:00Z", 6, 4));
        awaitSessionCount(1);
        // the same patient id and session id in another clinic: its own patient, no claim, no dead letter
        kafka.send(Topics.SESSIONS, patientId, event("e-2", "s-1", "2026-11-21T07:31:00Z", 2, 1).replace("clinic-it", "clinic-other"));
        kafka.send(Topics.SESSIONS, patientId, event("e-3", "s-3", "2026-11-22T07:31:00Z", 5, 4));

        awaitSessionCount(2);
        assertThat(progress().get("series").findValues("painAfter")).extracting(JsonNode::asInt).containsExactly(4, 4);
        RestClient other = TestHttp.client(port, TestIssuer.clinician("clinic-other"));
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            JsonNode theirs = other.get().uri("/api/v1/patients/{id}/progress", patientId).retrieve().body(JsonNode.class);
            assertThat(theirs.get("clinicId").asString()).isEqualTo("clinic-other");
            assertThat(theirs.get("series").findValues("painAfter")).extracting(JsonNode::asInt).containsExactly(1);
        });
    }

    @Test
    void aCraftedPatientIdNeverReachesAQueryAsAPattern() {
        kafka.send(Topics.SESSIONS, patientId, event("e-1", "s-1", "2026-11-20T07:31:00Z", 6, 4));
        awaitSessionCount(1);
        for (String hostile : java.util.List.of("x|", ".*", "(?:a|b)", "[", "x%7C", "%2E*", "a".repeat(1024), "p%3Aq%7C.*")) {
            var response = TestHttp.client(port, TestIssuer.clinician("clinic-it")).get()
                    .uri(java.net.URI.create("http://localhost:" + port + "/api/v1/patients/"
                            + (hostile.contains("%") ? hostile : java.net.URLEncoder.encode(hostile, java.nio.charset.StandardCharsets.UTF_8))
                            + "/progress"))
                    .retrieve().toEntity(String.class);
            assertThat(response.getStatusCode().value()).as(hostile).isIn(400, 404);
            assertThat(response.getBody()).as(hostile).doesNotContain(patientId);
            if (response.getStatusCode().value() == 400) {
                assertThat(response.getHeaders().getContentType().toString()).as(hostile).isEqualTo("application/problem+json");
                if (!hostile.contains("%2E")) { // the firewall refuses encoded dots before any handler: no field to name
                    assertThat(response.getBody()).as(hostile).contains("\"field\":\"patientId\"");
                }
            }
        }
        assertThat(status(TestIssuer.clinician("clinic-it"), "/api/v1/clinics/clinic%7C/patients")).isEqualTo(400);
    }

    @Test
    void aForgedFarFutureTimeIsDeadLetteredAndAFutureSkewCannotFreezeASession() {
        kafka.send(Topics.SESSIONS, patientId, event("e-1", "s-1", "2026-11-20T07:31:00Z", 6, 4));
        awaitSessionCount(1);
        kafka.send(Topics.SESSIONS, patientId, event("e-far", "s-1", "2999-01-01T00:00:00Z", 9, 9));
        // within the allowed skew, then an honest correction made after it: the later correction stands
        kafka.send(Topics.SESSIONS, patientId, event("e-skew", "s-1", java.time.Instant.now().plusSeconds(600).toString(), 8, 8));
        await().atMost(WAIT).untilAsserted(() -> assertThat(progress().get("series").findValues("painAfter"))
                .extracting(JsonNode::asInt).containsExactly(8));
        kafka.send(Topics.SESSIONS, patientId, event("e-honest", "s-1", java.time.Instant.now().plusSeconds(1).toString(), 3, 2));
        await().atMost(WAIT).untilAsserted(() -> assertThat(progress().get("series").findValues("painAfter"))
                .extracting(JsonNode::asInt).containsExactly(2));
        var dead = kafka.readUntil(Topics.SESSIONS_DLT, r -> r.value().contains("e-far") && r.value().contains(patientId), WAIT);
        assertThat(dead.stream().filter(r -> r.value().contains(patientId)).findFirst().orElseThrow()
                .headers().get(KafkaConfiguration.REASON_HEADER)).contains("time", "future");
    }

    @Test
    void anIngressTopicForwardsItsClinicsSessionsAndDeadLettersOthers() {
        String ingress = Topics.ingressOf("clinic-it");
        kafka.send(ingress, patientId, event("e-1", "s-1", "2026-11-20T07:31:00Z", 6, 4));
        kafka.send(ingress, patientId, event("e-2", "s-2", "2026-11-21T07:31:00Z", 5, 3).replace("clinic-it", "clinic-victim"));
        awaitSessionCount(1);
        var dead = kafka.readUntil(ingress + Topics.DEAD_LETTER_SUFFIX, r -> r.value().contains(patientId), WAIT);
        assertThat(dead.get(0).headers().get(KafkaConfiguration.REASON_HEADER)).contains("data.clinicId", "clinic-it");
        assertThat(status(TestIssuer.clinician("clinic-victim"), "/api/v1/patients/" + patientId + "/progress")).isEqualTo(404);
    }

    int status(String token, String uri) {
        var client = token == null ? TestHttp.client(port) : TestHttp.client(port, token);
        return client.get().uri(uri).retrieve().toBodilessEntity().getStatusCode().value();
    }
}
