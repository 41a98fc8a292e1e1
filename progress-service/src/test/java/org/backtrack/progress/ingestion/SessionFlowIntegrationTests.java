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
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
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
    org.backtrack.progress.sessions.SessionIndexBackfill backfill;

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
                .body(JsonNode.class).get("windowMismatches").valueStream().map(JsonNode::asString)).doesNotContain(patientId));

        windows.replace(org.backtrack.progress.assessment.PatientWindow.empty(patientId, "clinic-it")); // as a bad write would

        JsonNode report = operator.get().uri("/actuator/readmodels").retrieve().body(JsonNode.class);
        assertThat(report.get("windowMismatches").valueStream().map(JsonNode::asString)).contains(patientId);
        assertThat(report.get("consistent").asBoolean()).isFalse();
        assertThatThrownBy(() -> http.get().uri("/actuator/readmodels").retrieve().body(String.class))
                .isInstanceOf(HttpClientErrorException.Forbidden.class);
        rebuild.rebuildAll();
        assertThat(operator.get().uri("/actuator/readmodels").retrieve().body(JsonNode.class).get("windowMismatches")
                .valueStream().map(JsonNode::asString)).doesNotContain(patientId);

        // the listing that finds a patient's sessions by id: a lost entry hides the session and is reported
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").regex("^" + patientId + "/")), "patient_session_months");
        assertThatThrownBy(this::progress).isInstanceOf(HttpClientErrorException.NotFound.class);
        assertThat(operator.get().uri("/actuator/readmodels").retrieve().body(JsonNode.class).get("unlistedSessions")
                .valueStream().map(JsonNode::asString)).contains(patientId + "-s-1");
        rebuild.rebuildAll();
        assertThat(progress().get("sessionCount").asInt()).isEqualTo(1);
    }

    @Test
    void sessionsStoredBeforeTheMonthListingExistedAreListedOnTheNextStart() {
        kafka.send(Topics.SESSIONS, patientId, event("e-1", "s-1", "2026-11-20T07:31:00Z", 6, 4));
        awaitSessionCount(1);
        mongo.dropCollection("patient_session_months"); // as in a data directory from before the listing

        assertThatThrownBy(this::progress).isInstanceOf(HttpClientErrorException.NotFound.class);
        backfill.afterSingletonsInstantiated(); // what the next start runs before the consumer starts
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
        await().atMost(WAIT).until(() -> windows.find(patientId).map(w -> w.recent().size()).orElse(0) > 0);
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
    void anEventNamingThePatientUnderAnotherClinicIsDeadLettered() {
        kafka.send(Topics.SESSIONS, patientId, event("e-1", "s-1", "2026-11-20T07:31:00Z", 6, 4));
        awaitSessionCount(1);
        String foreign = event("e-2", "s-2", "2026-11-21T07:31:00Z", 2, 1).replace("clinic-it", "clinic-intruder");
        kafka.send(Topics.SESSIONS, patientId, foreign);
        kafka.send(Topics.SESSIONS, patientId, event("e-3", "s-3", "2026-11-22T07:31:00Z", 5, 4));

        awaitSessionCount(2);
        var dead = kafka.readUntil(Topics.SESSIONS_DLT, r -> patientId.equals(r.key()) && r.value().contains("clinic-intruder"), WAIT);
        var mine = dead.stream().filter(r -> patientId.equals(r.key())).toList();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).headers().get(KafkaConfiguration.REASON_HEADER)).contains("data.clinicId", "another clinic")
                .doesNotContain("clinic-it");
        assertThat(progress().get("series").findValues("painAfter")).extracting(JsonNode::asInt).containsExactly(4, 4);
    }

    int status(String token, String uri) {
        var client = token == null ? TestHttp.client(port) : TestHttp.client(port, token);
        return client.get().uri(uri).retrieve().toBodilessEntity().getStatusCode().value();
    }
}
