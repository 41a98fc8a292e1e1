package org.backtrack.progress.ingestion;

import org.backtrack.events.DeadLetterContent;
import org.backtrack.events.Topics;
import org.backtrack.testsupport.KafkaTestClient;
import org.backtrack.testsupport.TestHttp;
import org.backtrack.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.backtrack.testsupport.TestDefaults.WAIT;

/**
 * Session events produced by a plain Kafka client, as an integrator would, travel into MongoDB and back out of
 * the progress API. Runs on the embedded servers and, where Docker runs, on real containers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "backtrack.ingress.discovery-interval=1000")
abstract class SessionFlowIntegrationTests {

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

    @Autowired
    KafkaTestClient kafka;
    RestClient http;
    /** A patient of this test's own. */
    final String patientId = "patient-" + UUID.randomUUID();

    @BeforeEach
    void setUp() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + TestIssuer.clinician("clinic-it")).build();
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
    void anEventInBinaryModeFromTheCloudEventsSdkIsIngestedAsAStructuredOne() {
        String data = """
                {"sessionId":"%s-s-bin","clinicId":"clinic-it","patientId":"%s",
                 "completedAt":"2026-11-20T07:31:00Z","painBefore":7,"painAfter":3}""".formatted(patientId, patientId);
        var event = io.cloudevents.core.builder.CloudEventBuilder.v1().withId("e-bin-" + UUID.randomUUID())
                .withSource(java.net.URI.create("/integrator")).withType("backtrack.session.completed.v1")
                .withSubject(patientId).withTime(java.time.OffsetDateTime.parse("2026-11-20T07:31:00Z"))
                .withDataContentType("application/json").withData(data.getBytes(java.nio.charset.StandardCharsets.UTF_8)).build();
        kafka.sendWithCloudEventsSdk(Topics.SESSIONS, patientId, event, true);

        awaitSessionCount(1);
        assertThat(progress().get("series").get(0).get("painAfter").asInt()).isEqualTo(3);
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
        assertThat(mine.get(0).headers().get(DeadLetterContent.REASON_HEADER)).contains("data.painBefore");
        assertThat(mine.get(0).headers()).containsKey("kafka_dlt-exception-message");
        assertThat(mine.get(1).headers().get(DeadLetterContent.REASON_HEADER)).contains("not valid JSON");
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
        assertThat(mine.get(0).headers().get(DeadLetterContent.REASON_HEADER)).contains("data.painBefore");
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

        // status changes only: the same topic carries the red flag's alert-raised event (AlertLifecycleIntegrationTests)
        var records = kafka.readUntil(Topics.PROGRESS, r -> patientId.equals(r.key()) && r.value().contains("\"status\":\"RED_FLAG\""), WAIT);
        var mine = records.stream().filter(r -> patientId.equals(r.key()) && r.value().contains(org.backtrack.events.ProgressStatusChanged.TYPE)).toList();
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
        // every clinic's windows in the database, keyed by (clinic, patient): other suites share it and use the same ids
        var incremental = windows.all().stream()
                .collect(java.util.stream.Collectors.toMap(w -> w.clinicId() + "/" + w.patientId(), w -> w));

        rebuild.rebuildAll();

        var rebuilt = windows.all().stream().collect(java.util.stream.Collectors.toMap(w -> w.clinicId() + "/" + w.patientId(), w -> w));
        assertThat(rebuilt).isEqualTo(incremental);
        assertThat(rebuilt.get("clinic-it/" + patientId).baseline()).isNotEmpty();
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
                .headers().get(DeadLetterContent.REASON_HEADER)).contains("time", "future");
    }

    @Test
    void anIngressTopicForwardsItsClinicsSessionsAndDeadLettersOthers() {
        String ingress = Topics.ingressOf("clinic-it");
        kafka.send(ingress, patientId, event("e-1", "s-1", "2026-11-20T07:31:00Z", 6, 4));
        kafka.send(ingress, patientId, event("e-2", "s-2", "2026-11-21T07:31:00Z", 5, 3).replace("clinic-it", "clinic-victim"));
        awaitSessionCount(1);
        var dead = kafka.readUntil(ingress + Topics.DEAD_LETTER_SUFFIX, r -> r.value().contains(patientId), WAIT);
        assertThat(dead.get(0).headers().get(DeadLetterContent.REASON_HEADER)).contains("data.clinicId", "clinic-it");
        assertThat(status(TestIssuer.clinician("clinic-victim"), "/api/v1/patients/" + patientId + "/progress")).isEqualTo(404);
    }

    /**
     * What progress-service writes (a session forwarded from an ingress topic, the status change and the alert it
     * raises) is read by an outside consumer using the official CloudEvents SDK, as structured mode.
     */
    @Test
    void theOfficialCloudEventsSdkReadsWhatProgressServiceWrites() {
        kafka.send(Topics.ingressOf("clinic-it"), patientId, event("e-sdk", "s-sdk", "2026-11-20T07:31:00Z", 6, 4));
        var forwarded = kafka.readWithCloudEventsSdk(Topics.SESSIONS, patientId, 1, WAIT);
        assertThat(forwarded).extracting(io.cloudevents.CloudEvent::getId).containsExactly("e-sdk");
        assertThat(forwarded.get(0).getType()).isEqualTo(org.backtrack.events.SessionCompleted.TYPE);

        kafka.send(Topics.SESSIONS, patientId, session("e-sdk-2", "s-sdk-2", "2026-11-21T08:00:00Z", "2026-11-21T07:00:00Z", 5, 4, true));
        // the first session's status change, the red flag's, and the alert the red flag raised
        var progress = kafka.readWithCloudEventsSdk(Topics.PROGRESS, patientId, 3, WAIT);
        assertThat(progress).extracting(io.cloudevents.CloudEvent::getType).contains(
                org.backtrack.events.ProgressStatusChanged.TYPE, org.backtrack.events.AlertRaised.TYPE);
        assertThat(progress).allSatisfy(e -> {
            assertThat(e.getSource().toString()).isEqualTo("/progress-service");
            assertThat(e.getSubject()).isEqualTo(patientId);
            assertThat(e.getDataContentType()).isEqualTo("application/json");
            assertThat(new String(e.getData().toBytes(), java.nio.charset.StandardCharsets.UTF_8)).contains(patientId);
        });
    }

    int status(String token, String uri) {
        var client = token == null ? TestHttp.client(port) : TestHttp.client(port, token);
        return client.get().uri(uri).retrieve().toBodilessEntity().getStatusCode().value();
    }

    // --- bounded storage and dead letters (issue 14) ---------------------------------------------------------------

    /** An identifier of exactly {@code length} characters that starts with {@code prefix}. */
    static String id(String prefix, int length) {
        return (prefix + "x".repeat(length)).substring(0, length);
    }

    /** A session as large as the contract allows: 100 exercises with 128-character ids, 2,000 characters of notes. */
    static String maximalEvent(String patient, String sessionId, java.time.Instant completedAt) {
        StringBuilder exercises = new StringBuilder();
        for (int i = 0; i < org.backtrack.events.SessionEventValidator.MAX_EXERCISES; i++) {
            exercises.append(i == 0 ? "" : ",").append("{\"exerciseId\":\"").append(id(sessionId.substring(0, 40) + "-ex" + i + "-", 128))
                    .append("\",\"completed\":true,\"holdSeconds\":3600,\"reps\":1000}");
        }
        return """
                {"specversion":"1.0","id":"%s","source":"/test","type":"backtrack.session.completed.v1","subject":"%s",
                 "time":"%s","data":{"sessionId":"%s","clinicId":"clinic-it","patientId":"%s","routineId":"%s",
                 "completedAt":"%s","durationSeconds":86400,"painBefore":7,"painAfter":5,"exercises":[%s],
                 "flags":{"sharpPain":false,"radiatingPain":false,"numbness":false,"nightPain":false},"notes":"%s"}}"""
                .formatted(id("e-" + sessionId, 128), patient, completedAt, sessionId, patient, id("r-" + patient, 128),
                        completedAt, exercises, "n".repeat(org.backtrack.events.SessionEventValidator.MAX_NOTES_LENGTH));
    }

    int partitionOf(String key) throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(java.util.Map.of("bootstrap.servers", bootstrapServers))) {
            int partitions = admin.describeTopics(java.util.List.of(Topics.SESSIONS)).allTopicNames().get()
                    .get(Topics.SESSIONS).partitions().size();
            return org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(
                    key.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % partitions;
        }
    }

    List<KafkaTestClient.ReceivedRecord> deadLettersOf(String key, int atLeast) {
        int[] seen = {0};
        return kafka.readUntil(Topics.SESSIONS_DLT, r -> key.equals(r.key()) && ++seen[0] >= atLeast, Duration.ofSeconds(120))
                .stream().filter(r -> key.equals(r.key())).toList();
    }

    @Test
    void onePatientSendingAThousandMaximalSessionsIsDeadLetteredWithoutRetryWhileOthersOnItsPartitionGoOn() throws Exception {
        String flooder = id("flood-" + UUID.randomUUID() + "-", 128);
        kafka.send(Topics.SESSIONS, patientId, event("e-warm", "s-warm", "2026-11-20T07:31:00Z", 5, 4)); // topic exists
        String neighbour = null;
        for (int i = 0; neighbour == null || partitionOf(neighbour) != partitionOf(flooder); i++) {
            neighbour = "neighbour-" + i + "-" + UUID.randomUUID();
        }
        java.time.Instant firstDay = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).minus(Duration.ofDays(60));
        int days = 50;
        int perDay = 20; // the limit is 12: 8 of each day's sessions are over it
        List<java.util.Map.Entry<String, String>> flood = new java.util.ArrayList<>();
        for (int day = 0; day < days; day++) {
            for (int i = 0; i < perDay; i++) {
                String sessionId = id("d" + day + "-" + i + "-" + flooder.substring(6, 42) + "-", 128);
                flood.add(java.util.Map.entry(flooder, maximalEvent(flooder, sessionId,
                        firstDay.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(30L * i)))));
            }
        }
        assertThat(flood.get(0).getValue().length()).isGreaterThan(20_000).isLessThan(org.backtrack.events.SessionEventValidator.MAX_EVENT_BYTES);
        String theNeighbour = neighbour;
        List<java.util.Map.Entry<String, String>> calm = new java.util.ArrayList<>();
        for (int day = 0; day < 10; day++) {
            calm.add(java.util.Map.entry(theNeighbour, event("e-n" + day, "s-n" + day, "2026-11-20T07:31:00Z", 5, 4)
                    .replace(patientId, theNeighbour).replace("2026-11-20T07:31", "2026-11-" + (10 + day) + "T07:31")));
        }

        long started = System.nanoTime();
        kafka.sendAll(Topics.SESSIONS, flood);
        kafka.sendAll(Topics.SESSIONS, calm);
        RestClient clinic = http;
        await().atMost(Duration.ofSeconds(180)).ignoreExceptions().untilAsserted(() -> assertThat(clinic.get()
                .uri("/api/v1/patients/{id}/progress", theNeighbour).retrieve().body(JsonNode.class).get("sessionCount").asInt()).isEqualTo(10));
        long neighbourDone = System.nanoTime();
        int over = days * (perDay - org.backtrack.events.SessionLimits.MAX_SESSIONS_PER_PATIENT_PER_DAY);
        var deadLetters = deadLettersOf(flooder, over);
        long allDeadLettered = System.nanoTime();

        // every session over the daily limit is dead-lettered once, with the limit as the reason: none was retried
        assertThat(deadLetters).hasSize(over);
        assertThat(deadLetters).allSatisfy(d -> assertThat(d.headers().get(DeadLetterContent.REASON_HEADER))
                .contains("data.completedAt", "at most 12 sessions per patient and day"));
        assertThat(deadLetters.stream().map(KafkaTestClient.ReceivedRecord::value).distinct()).hasSize(over);
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(clinic.get().uri("/api/v1/patients/{id}/progress", flooder)
                .retrieve().body(JsonNode.class).get("sessionCount").asInt()).isEqualTo(days * org.backtrack.events.SessionLimits.MAX_SESSIONS_PER_PATIENT_PER_DAY));
        // the stored documents stay far below MongoDB's 16 MiB, however much one patient sends
        var raw = mongo.getCollection("patient_windows").withDocumentClass(org.bson.RawBsonDocument.class);
        int windowBytes = raw.find(new org.bson.Document("_id", "clinic-it/" + flooder)).first().getByteBuffer().remaining();
        int largestListing = 0;
        for (var listing : mongo.getCollection("patient_session_months").withDocumentClass(org.bson.RawBsonDocument.class)
                .find(new org.bson.Document("patientId", flooder))) {
            largestListing = Math.max(largestListing, listing.getByteBuffer().remaining());
        }
        int largestSession = 0;
        for (var session : mongo.getCollection("sessions").withDocumentClass(org.bson.RawBsonDocument.class)
                .find(new org.bson.Document("patientId", flooder))) {
            largestSession = Math.max(largestSession, session.getByteBuffer().remaining());
        }
        System.out.printf("flood: %d maximal sessions of one patient (%d KiB each) and 10 of a neighbour on partition %d; "
                        + "neighbour's 10 applied after %d ms, all %d dead letters written after %d ms; flooder's window %d KiB, "
                        + "largest month listing %d KiB, largest session %d KiB%n",
                flood.size(), flood.get(0).getValue().length() / 1024, partitionOf(flooder),
                (neighbourDone - started) / 1_000_000, over, (allDeadLettered - started) / 1_000_000,
                windowBytes / 1024, largestListing / 1024, largestSession / 1024);
        assertThat(windowBytes).isLessThan(2 * 1024 * 1024);
        assertThat(largestListing).isLessThan(64 * 1024);
        assertThat(largestSession).isLessThan(128 * 1024);
    }

    @Test
    void aFullDayRefusesAnotherSessionUntilACorrectionMovesOneAway() {
        int limit = org.backtrack.events.SessionLimits.MAX_SESSIONS_PER_PATIENT_PER_DAY;
        for (int i = 0; i <= limit; i++) {
            kafka.send(Topics.SESSIONS, patientId, event("e-" + i, "s-" + i, "2026-11-20T07:31:00Z", 5, 4));
        }
        awaitSessionCount(limit);
        var refused = deadLettersOf(patientId, 1);
        assertThat(refused.get(0).value()).contains("\"e-" + limit + "\"");
        assertThat(refused.get(0).headers().get(DeadLetterContent.REASON_HEADER)).contains("2026-11-20 (UTC)");

        // a correction to another day frees a place; the refused session sent again is then accepted
        kafka.send(Topics.SESSIONS, patientId, event("e-moved", "s-0", "2026-11-21T09:00:00Z", 5, 4)
                .replace("\"completedAt\":\"2026-11-20T07:31:00Z\"", "\"completedAt\":\"2026-11-21T07:31:00Z\""));
        kafka.send(Topics.SESSIONS, patientId, event("e-again", "s-" + limit, "2026-11-20T07:31:00Z", 5, 4));
        awaitSessionCount(limit + 1);
        // and moving a session into a full day is refused like a new one
        kafka.send(Topics.SESSIONS, patientId, event("e-back", "s-0", "2026-11-22T09:00:00Z", 5, 4));
        var both = deadLettersOf(patientId, 2);
        assertThat(both.get(1).value()).contains("\"e-back\"");
        assertThat(progress().get("sessionCount").asInt()).isEqualTo(limit + 1);
    }

    @Test
    void aSessionIsCorrectedAtMostTheLimitTimes() {
        int limit = org.backtrack.events.SessionLimits.MAX_CORRECTIONS_PER_SESSION;
        kafka.send(Topics.SESSIONS, patientId, event("e-0", "s-1", "2026-11-20T08:00:00Z", 6, 6));
        for (int i = 1; i <= limit + 2; i++) {
            kafka.send(Topics.SESSIONS, patientId, event("e-" + i, "s-1",
                    java.time.Instant.parse("2026-11-20T08:00:00Z").plusSeconds(i).toString(), 6, Math.min(10, i % 11)));
        }
        var refused = deadLettersOf(patientId, 2);
        assertThat(refused).extracting(r -> r.headers().get(DeadLetterContent.REASON_HEADER))
                .allSatisfy(reason -> assertThat(reason).contains("data.sessionId", "corrected " + limit + " times"));
        assertThat(refused.get(0).value()).contains("\"e-" + (limit + 1) + "\"");
        await().atMost(WAIT).untilAsserted(() -> assertThat(progress().get("series").findValues("painAfter"))
                .extracting(JsonNode::asInt).containsExactly(limit % 11));
        var stored = mongo.findById("clinic-it/" + patientId + "-s-1", org.bson.Document.class, "sessions");
        assertThat(stored.getList("eventIds", String.class)).hasSize(limit + 1);
    }

    @Test
    void aMegabyteRecordIsDeadLetteredCutToTheContractsLargestEventWithTheHashOfTheWhole() {
        byte[] huge = ("{\"specversion\":\"1.0\",\"padding\":\"" + "x".repeat(1_000_000 - 40) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        kafka.send(Topics.SESSIONS, patientId, huge);
        kafka.send(Topics.SESSIONS, patientId, event("e-after", "s-after", "2026-11-20T07:31:00Z", 5, 4));

        awaitSessionCount(1); // the partition went on
        var deadLetter = deadLettersOf(patientId, 1).get(0);
        assertThat(deadLetter.value().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(java.util.Arrays.copyOf(huge, DeadLetterContent.MAX_VALUE_BYTES));
        assertThat(deadLetter.headers()).containsEntry(DeadLetterContent.TRUNCATED_HEADER, "true")
                .containsEntry(DeadLetterContent.ORIGINAL_BYTES_HEADER, String.valueOf(huge.length))
                .containsEntry(DeadLetterContent.ORIGINAL_SHA256_HEADER, DeadLetterContent.sha256(huge));
        assertThat(deadLetter.headers().get(DeadLetterContent.REASON_HEADER)).contains("at most 65536");
    }

    @Test
    void aDeadLetterCarriesTheReasonAndBoundedHeadersNeverAStackTrace() throws Exception {
        var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(java.util.Map.of(
                "bootstrap.servers", bootstrapServers, "key.serializer", org.apache.kafka.common.serialization.StringSerializer.class,
                "value.serializer", org.apache.kafka.common.serialization.ByteArraySerializer.class));
        var record = new org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>(Topics.SESSIONS, patientId,
                event("e-bad", "s-bad", "2026-11-20T07:31:00Z", 11, 4).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (int i = 0; i < 30; i++) {
            record.headers().add("big-" + i, new byte[1000]);
        }
        record.headers().add(DeadLetterContent.REASON_HEADER, "forged".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        record.headers().add("kafka_dlt-exception-stacktrace", "at forged.Frame".repeat(500).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (producer) {
            producer.send(record).get();
        }

        var deadLetter = deadLettersOf(patientId, 1).get(0);

        assertThat(deadLetter.headers().get(DeadLetterContent.REASON_HEADER)).contains("data.painBefore").doesNotContain("forged");
        assertThat(deadLetter.headers().get("kafka_dlt-exception-message")).contains("data.painBefore");
        assertThat(deadLetter.headers().keySet()).noneMatch(name -> name.contains("stacktrace"));
        assertThat(deadLetter.headers()).containsEntry(DeadLetterContent.HEADERS_DROPPED_HEADER, "28");
        int headerBytes = deadLetter.headers().entrySet().stream().mapToInt(h -> h.getKey().length() + h.getValue().length()).sum();
        assertThat(headerBytes).isLessThanOrEqualTo(DeadLetterContent.MAX_ORIGINAL_HEADER_BYTES + DeadLetterContent.MAX_ADDED_HEADER_BYTES);
        assertThat(deadLetter.headers().get("kafka_dlt-original-topic")).isEqualTo(Topics.SESSIONS);
    }
}
