package org.backtrack.routine.sessions;

import org.backtrack.testsupport.TestHttp;
import org.backtrack.testsupport.TestIssuer;
import org.backtrack.events.CloudEvent;
import org.backtrack.events.SessionCompleted;
import org.backtrack.events.SessionEventCodec;
import org.backtrack.events.Topics;
import org.backtrack.testsupport.KafkaTestClient;
import org.backtrack.testsupport.KafkaTestClient.ReceivedRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions logged over HTTP reach {@code backtrack.sessions} as contract-true CloudEvents, exactly once each. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SessionLoggingIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    KafkaTestClient kafka;
    RestClient http;
    String patientId;

    @BeforeEach
    void setUp() {
        kafka = new KafkaTestClient(bootstrapServers);
        http = TestHttp.client(port, TestIssuer.clinician("clinic-it"));
        patientId = "patient-" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    String session(String sessionId, int painBefore, int painAfter) {
        return session("clinic-it", patientId, sessionId, painBefore, painAfter);
    }

    static String session(String clinicId, String patientId, String sessionId, int painBefore, int painAfter) {
        return """
                {"sessionId":"%s","clinicId":"%s","patientId":"%s","routineId":"r-1",
                 "completedAt":"2026-11-20T07:31:00Z","durationSeconds":620,"painBefore":%d,"painAfter":%d,
                 "exercises":[{"exerciseId":"cat-cow","completed":true,"holdSeconds":60}],
                 "flags":{"sharpPain":false,"radiatingPain":false,"numbness":false,"nightPain":false}}"""
                .formatted(sessionId, clinicId, patientId, painBefore, painAfter);
    }

    static ResponseEntity<JsonNode> post(RestClient client, String body) {
        return client.post().uri("/api/v1/sessions").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(JsonNode.class);
    }

    static ResponseEntity<JsonNode> sessionsOf(RestClient client, String patientId) {
        return client.get().uri("/api/v1/patients/{id}/sessions", patientId).retrieve().toEntity(JsonNode.class);
    }

    ResponseEntity<JsonNode> post(String body) {
        return post(http, body);
    }

    /** Events of this test's patient, read up to a marker session logged last. */
    List<CloudEvent<SessionCompleted>> publishedEvents() {
        String marker = patientId + "-marker";
        assertThat(post(session(marker, 1, 1)).getStatusCode().value()).isEqualTo(201);
        List<ReceivedRecord> records = kafka.readUntil(Topics.SESSIONS,
                r -> r.value() != null && r.value().contains(marker), WAIT);
        var codec = new SessionEventCodec();
        return records.stream()
                .filter(r -> patientId.equals(r.key()))
                .map(r -> codec.decode(r.value().getBytes(StandardCharsets.UTF_8)))
                .filter(e -> !e.data().sessionId().equals(marker))
                .toList();
    }

    @Test
    void aLoggedSessionIsPublishedAsACloudEventKeyedByPatient() {
        ResponseEntity<JsonNode> response = post(session(patientId + "-s1", 6, 4));

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        assertThat(response.getBody().get("publication").asString()).isEqualTo("PUBLISHED");
        List<CloudEvent<SessionCompleted>> events = publishedEvents();
        assertThat(events).hasSize(1);
        CloudEvent<SessionCompleted> event = events.get(0);
        assertThat(event.id()).isEqualTo(response.getBody().get("eventId").asString());
        assertThat(event.specversion()).isEqualTo("1.0");
        assertThat(event.type()).isEqualTo("backtrack.session.completed.v1");
        assertThat(event.source()).isEqualTo("/routine-service");
        assertThat(event.subject()).isEqualTo(patientId);
        assertThat(event.data().painBefore()).isEqualTo(6);
        assertThat(event.data().exercises()).hasSize(1);
    }

    @Test
    void aRetryIsAnsweredFromTheStoreAndACorrectionIsANewEvent() {
        String sessionId = patientId + "-s1";
        var first = post(session(sessionId, 6, 4));
        var retry = post(session(sessionId, 6, 4));
        var correction = post(session(sessionId, 6, 3));

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getStatusCode().value()).isEqualTo(200);
        assertThat(retry.getBody().get("eventId")).isEqualTo(first.getBody().get("eventId"));
        assertThat(correction.getStatusCode().value()).isEqualTo(200);
        assertThat(correction.getBody().get("eventId")).isNotEqualTo(first.getBody().get("eventId"));

        List<CloudEvent<SessionCompleted>> events = publishedEvents();
        assertThat(events).extracting(e -> e.data().painAfter()).containsExactly(4, 3);
        assertThat(events.get(1).time()).isAfterOrEqualTo(events.get(0).time());

        JsonNode stored = http.get().uri("/api/v1/patients/{id}/sessions", patientId).retrieve().body(JsonNode.class);
        assertThat(stored.findValues("painAfter")).extracting(JsonNode::asInt).contains(3).doesNotContain(4);
    }

    @Test
    void badFieldsAreNamedInAProblemDocumentAndNothingIsPublished() {
        String body = session(patientId + "-bad", 11, 4).replace("2026-11-20T07:31:00Z", "yesterday");
        ResponseEntity<JsonNode> response = post(body);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("errors").findValues("field")).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("painBefore", "completedAt");
        assertThat(publishedEvents()).isEmpty();
    }

    @Test
    void malformedJsonIsAProblemDocument() {
        ResponseEntity<JsonNode> response = post("{\"sessionId\": ");
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aSessionIdOfAnotherPatientIsAConflict() {
        String sessionId = patientId + "-s1";
        post(session(sessionId, 6, 4));
        String otherPatient = session(sessionId, 6, 4).replace("\"patientId\":\"" + patientId, "\"patientId\":\"someone-else");

        ResponseEntity<JsonNode> response = post(otherPatient);

        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getBody().get("errors").get(0).get("field").asString()).isEqualTo("sessionId");
    }

    @Test
    void twoClinicsLogTheSameSessionIdForTheSamePatientIdWithoutMeeting() {
        // the literal ids every clinic might use; fresh clinics keep the test independent of earlier runs
        String suffix = UUID.randomUUID().toString();
        String clinicA = "clinic-a-" + suffix;
        String clinicB = "clinic-b-" + suffix;
        var a = TestHttp.client(port, TestIssuer.clinician(clinicA));
        var b = TestHttp.client(port, TestIssuer.clinician(clinicB));

        var loggedByA = post(a, session(clinicA, "patient-42", "s-1", 6, 4));
        var loggedByB = post(b, session(clinicB, "patient-42", "s-1", 7, 2));

        assertThat(loggedByA.getStatusCode().value()).isEqualTo(201);
        assertThat(loggedByB.getStatusCode().value()).isEqualTo(201);
        assertThat(loggedByB.getBody().get("eventId")).isNotEqualTo(loggedByA.getBody().get("eventId"));
        JsonNode readByA = sessionsOf(a, "patient-42").getBody();
        JsonNode readByB = sessionsOf(b, "patient-42").getBody();
        assertThat(readByA).hasSize(1);
        assertThat(readByA.get(0).get("clinicId").asString()).isEqualTo(clinicA);
        assertThat(readByA.get(0).get("painAfter").asInt()).isEqualTo(4);
        assertThat(readByB).hasSize(1);
        assertThat(readByB.get(0).get("clinicId").asString()).isEqualTo(clinicB);
        assertThat(readByB.get(0).get("painAfter").asInt()).isEqualTo(2);

        // a retry stays within its clinic; a conflict is only ever about the caller's own clinic's session
        var retryByA = post(a, session(clinicA, "patient-42", "s-1", 6, 4));
        assertThat(retryByA.getStatusCode().value()).isEqualTo(200);
        assertThat(retryByA.getBody().get("eventId")).isEqualTo(loggedByA.getBody().get("eventId"));
        assertThat(post(b, session(clinicB, "patient-43", "s-1", 7, 2)).getStatusCode().value()).isEqualTo(409);
        assertThat(sessionsOf(a, "patient-42").getBody()).hasSize(1);
    }

    @Test
    void anotherClinicLearnsNothingOfThePatientAndCannotWriteAsThisClinic() {
        assertThat(post(session(patientId + "-s1", 6, 4)).getStatusCode().value()).isEqualTo(201);
        var otherClinic = TestHttp.client(port, TestIssuer.clinician("clinic-other"));

        // answered exactly like an id nobody uses
        var read = sessionsOf(otherClinic, patientId);
        String unused = "unused-" + UUID.randomUUID();
        var unknown = sessionsOf(otherClinic, unused);
        assertThat(read.getStatusCode().value()).isEqualTo(404);
        assertThat(read.getBody().toString().replace(patientId, "ID"))
                .isEqualTo(unknown.getBody().toString().replace(unused, "ID"));
        // a body naming another clinic than the token's is refused, naming the field
        var forged = post(otherClinic, session("other-" + patientId, 5, 5));
        assertThat(forged.getStatusCode().value()).isEqualTo(400);
        assertThat(forged.getBody().get("errors").findValues("field")).extracting(JsonNode::asString).containsExactly("clinicId");
        assertThat(publishedEvents()).extracting(e -> e.data().sessionId()).containsExactly(patientId + "-s1");
    }

    @Test
    void aPatientLogsAndReadsOnlyTheirOwnSessions() {
        var patient = TestHttp.client(port, TestIssuer.patient("clinic-it", patientId));
        var own = patient.post().uri("/api/v1/sessions").contentType(MediaType.APPLICATION_JSON)
                .body(session(patientId + "-own", 5, 3).replace("\"clinicId\":\"clinic-it\",", "")).retrieve().toEntity(JsonNode.class);
        assertThat(own.getStatusCode().value()).isEqualTo(201);
        assertThat(own.getBody().get("data").get("clinicId").asString()).isEqualTo("clinic-it");
        assertThat(patient.get().uri("/api/v1/patients/{id}/sessions", patientId).retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(200);

        String neighbour = "neighbour-" + patientId;
        var forNeighbour = patient.post().uri("/api/v1/sessions").contentType(MediaType.APPLICATION_JSON)
                .body(session(neighbour + "-s1", 5, 3).replace(patientId + "\"", neighbour + "\"")).retrieve().toEntity(JsonNode.class);
        assertThat(forNeighbour.getStatusCode().value()).isEqualTo(404);
        assertThat(patient.get().uri("/api/v1/patients/{id}/sessions", neighbour).retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theClinicAdministratorReadsWhoSawThePatient() {
        assertThat(post(session(patientId + "-s1", 6, 4)).getStatusCode().value()).isEqualTo(201);
        http.get().uri("/api/v1/patients/{id}/sessions", patientId).retrieve().toEntity(JsonNode.class);

        var admin = TestHttp.client(port, TestIssuer.clinicAdmin("clinic-it"));
        JsonNode entries = admin.get().uri("/api/v1/access-log/routine-service?patientId={p}", patientId).retrieve().body(JsonNode.class);
        assertThat(entries.findValues("user")).extracting(JsonNode::asString).contains("clinician@clinic-it");
        assertThat(entries.findValues("endpoint")).extracting(JsonNode::asString)
                .contains("/api/v1/patients/" + patientId + "/sessions");
        assertThat(entries.findValues("method")).extracting(JsonNode::asString).contains("GET");
        // clinicians cannot read the log, and another clinic's administrator sees none of it
        assertThat(http.get().uri("/api/v1/access-log/routine-service").retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(403);
        JsonNode foreign = TestHttp.client(port, TestIssuer.clinicAdmin("clinic-other")).get()
                .uri("/api/v1/access-log/routine-service?patientId={p}", patientId).retrieve().body(JsonNode.class);
        assertThat(foreign.size()).isZero();
    }
}
