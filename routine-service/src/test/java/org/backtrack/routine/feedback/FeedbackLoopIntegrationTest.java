package org.backtrack.routine.feedback;

import org.backtrack.catalogview.CatalogView;
import org.backtrack.events.AlertType;
import org.backtrack.events.DeadLetterContent;
import org.backtrack.events.Topics;
import org.backtrack.routine.catalog.CatalogFeed;
import org.backtrack.routine.composition.ShippedCatalog;
import org.backtrack.testsupport.Infrastructure;
import org.backtrack.testsupport.KafkaTestClient;
import org.backtrack.testsupport.RunsOn;
import org.backtrack.testsupport.TestHttp;
import org.backtrack.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The feedback loop end to end on a real broker and MongoDB-wire server: feedback logged through the API, or produced
 * straight to {@code backtrack.sessions} as an integrator would, reaches routine-service's session consumer and
 * changes the next routine; a step beyond the stage becomes a proposal; a red flag holds every progression until its
 * alert is resolved; hostile feedback is refused naming the field, over HTTP and on the topic. catalog-service is
 * unreachable, so the catalog view, fed the shipped catalog on {@code backtrack.catalog}, stands in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "backtrack.catalog.url=http://127.0.0.1:1", "backtrack.catalog.timeout=2s",
        "backtrack.feedback.consumer-group=routine-service-feedback-it",
        "backtrack.progress.consumer-group=routine-service-progress-it"})
@RunsOn(Infrastructure.EMBEDDED)
class FeedbackLoopIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(45);

    @LocalServerPort
    int port;

    String clinic;
    String patient;
    RestClient clinician;
    @Autowired
    KafkaTestClient kafka;

    @Autowired
    CatalogView view;

    @BeforeEach
    void aClinicWithACatalogView() {
        clinic = "clinic-fb-" + UUID.randomUUID();
        patient = "patient-" + UUID.randomUUID();
        clinician = TestHttp.client(port, TestIssuer.clinician(clinic));
        // the shipped catalog as this clinic's own exercises in the catalog view; a newer version than any test before
        long version = System.nanoTime();
        ShippedCatalog.ENTRIES.forEach(entry -> CatalogFeed.publish(kafka, CatalogFeed.exercise(entry, entry.id(), clinic, entry.name(), version)));
        await().atMost(Duration.ofSeconds(60)).until(() -> view.listedFor(clinic).size() == ShippedCatalog.ENTRIES.size());
    }

    JsonNode compose(String timeOfDay, int minutes) {
        return clinician.post().uri("/api/v1/routines").contentType(MediaType.APPLICATION_JSON).body("""
                {"patientId": "%s", "minutes": %d, "timeOfDay": "%s", "focusRegions": ["HIPS", "LOWER_BACK"],
                 "availableEquipment": ["FOAM_ROLLER"], "date": "2026-11-23"}""".formatted(patient, minutes, timeOfDay))
                .retrieve().body(JsonNode.class);
    }

    static List<String> exercisesOf(JsonNode routine) {
        return routine.get("plan").get("items").values().stream().map(i -> i.get("exerciseId").asString()).toList();
    }

    static List<String> notesOf(JsonNode routine) {
        return routine.get("plan").get("notes").values().stream().map(JsonNode::asString).toList();
    }

    void setStage(String stage) {
        clinician.put().uri("/api/v1/patients/{id}/program", patient).contentType(MediaType.APPLICATION_JSON)
                .body("{\"stage\": \"" + stage + "\"}").retrieve().toBodilessEntity();
    }

    ResponseEntity<JsonNode> logSession(RestClient client, String sessionId, Instant completedAt, String exercises) {
        return client.post().uri("/api/v1/sessions").contentType(MediaType.APPLICATION_JSON).body("""
                {"sessionId": "%s", "patientId": "%s", "completedAt": "%s", "painBefore": 4, "painAfter": 3,
                 "exercises": %s}""".formatted(sessionId, patient, completedAt, exercises)).retrieve().toEntity(JsonNode.class);
    }

    /** A session event as an integrator produces it, straight to the topic. */
    String sessionEvent(String sessionId, Instant completedAt, String exercises, boolean redFlag) {
        return """
                {"specversion":"1.0","id":"%s","source":"/integrator/app","type":"backtrack.session.completed.v1",
                 "subject":"%s","time":"%s","datacontenttype":"application/json",
                 "data":{"sessionId":"%s","clinicId":"%s","patientId":"%s","completedAt":"%s","painBefore":3,"painAfter":2,
                 "exercises":%s,"flags":{"sharpPain":false,"radiatingPain":%s,"numbness":false,"nightPain":false}}}"""
                .formatted(UUID.randomUUID(), patient, completedAt, sessionId, clinic, patient, completedAt, exercises, redFlag);
    }

    void produceTooEasyRun(String exerciseId, int sessions) {
        Instant start = Instant.now().minus(Duration.ofDays(sessions + 1)).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < sessions; i++) {
            kafka.send(Topics.SESSIONS, patient, sessionEvent(patient + "-easy-" + i, start.plus(Duration.ofDays(i)),
                    "[{\"exerciseId\":\"" + exerciseId + "\",\"completed\":true,\"felt\":\"TOO_EASY\",\"hurt\":false}]", false));
        }
    }

    JsonNode feedbackView() {
        return clinician.get().uri("/api/v1/patients/{id}/exercise-feedback", patient).retrieve().body(JsonNode.class);
    }

    JsonNode program() {
        return clinician.get().uri("/api/v1/patients/{id}/program", patient).retrieve().body(JsonNode.class);
    }

    @Test
    void anExerciseThatHurtThroughTheApiIsLeftOutOfTheNextRoutine() {
        JsonNode before = compose("MORNING", 10);
        String painful = exercisesOf(before).get(0);
        String name = before.get("plan").get("items").get(0).get("name").asString();
        RestClient patientApp = TestHttp.client(port, TestIssuer.patient(clinic, patient));

        ResponseEntity<JsonNode> logged = logSession(patientApp, patient + "-s1", Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS),
                "[{\"exerciseId\":\"" + painful + "\",\"completed\":true,\"felt\":\"TOO_HARD\",\"hurt\":true}]");
        assertThat(logged.getStatusCode().value()).isEqualTo(201);

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode after = compose("MORNING", 10);
            assertThat(exercisesOf(after)).doesNotContain(painful);
            assertThat(notesOf(after)).anySatisfy(note -> assertThat(note).contains(name).contains("hurt on"));
        });
        JsonNode view = feedbackView();
        assertThat(view.get("exercises").values()).anySatisfy(e -> {
            assertThat(e.get("exerciseId").asString()).isEqualTo(painful);
            assertThat(e.get("entries").get(0).get("hurt").asBoolean()).isTrue();
            assertThat(e.get("entries").get(0).get("felt").asString()).isEqualTo("TOO_HARD");
            assertThat(e.get("nextRoutine").asString()).contains("hurt on");
        });
    }

    @Test
    void threeTooEasySessionsProducedStraightToKafkaOfferTheProgressionWithinTheStage() {
        setStage("DEEPER");
        assertThat(notesOf(compose("EVENING", 15))).noneSatisfy(note -> assertThat(note).contains("Pigeon Pose in place of"));

        produceTooEasyRun("childs-pose", 3);

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode after = compose("EVENING", 15);
            assertThat(exercisesOf(after)).contains("pigeon-pose").doesNotContain("childs-pose");
            assertThat(notesOf(after)).contains("Pigeon Pose in place of Child's Pose, which was too easy in the last 3 sessions.");
        });
    }

    @Test
    void aStepBeyondTheStageBecomesAProposalForTheClinician() {
        setStage("BASIC");

        produceTooEasyRun("childs-pose", 3);

        await().atMost(WAIT).untilAsserted(() -> assertThat(program().get("proposals").values()).singleElement().satisfies(p -> {
            assertThat(p.get("decision").asString()).isEqualTo("PENDING");
            assertThat(p.get("toStage").asString()).isEqualTo("DEEPER");
            assertThat(p.get("exercises").values()).extracting(JsonNode::asString).containsExactly("pigeon-pose");
            assertThat(p.get("reason").asString()).contains("Child's Pose was too easy in the last 3 sessions");
        }));
        // the run replayed (a redelivery, or another instance) proposes nothing more
        produceTooEasyRun("childs-pose", 3);
        JsonNode view = feedbackView();
        assertThat(view.get("exercises").get(0).get("nextRoutine").asString()).startsWith("Proposed to the clinician");
        assertThat(program().get("proposals").size()).isEqualTo(1);
    }

    @Test
    void nothingProgressesWhileARedFlagIsOpenAndItDoesOnceItsAlertIsResolved() {
        setStage("DEEPER");
        String redFlagSession = patient + "-red";
        kafka.send(Topics.SESSIONS, patient, sessionEvent(redFlagSession, Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS),
                "[]", true));
        produceTooEasyRun("childs-pose", 3);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode view = feedbackView();
            assertThat(view.get("redFlagOpen").asBoolean()).isTrue();
            assertThat(view.get("exercises").get(0).get("entries").size()).isEqualTo(3);
        });
        assertThat(notesOf(compose("EVENING", 15))).noneSatisfy(note -> assertThat(note).contains("in place of Child's Pose"));

        String alertId = "a-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        kafka.send(Topics.PROGRESS, patient, """
                {"specversion":"1.0","id":"%s.raised","source":"/progress-service","type":"backtrack.progress.alert-raised.v1",
                 "subject":"%s","data":{"alertId":"%s","clinicId":"%s","patientId":"%s","type":"%s","episode":"session:%s",
                 "sessionId":"%s","occurredAt":"2026-11-20T07:31:00Z","late":false,"raisedAt":"2026-11-20T07:32:00Z","summary":"x"}}"""
                .formatted(alertId, patient, alertId, clinic, patient, AlertType.RED_FLAG_SYMPTOM, redFlagSession, redFlagSession));
        kafka.send(Topics.PROGRESS, patient, """
                {"specversion":"1.0","id":"%s.resolved","source":"/progress-service","type":"backtrack.progress.alert-resolved.v1",
                 "subject":"%s","data":{"alertId":"%s","clinicId":"%s","patientId":"%s","type":"%s",
                 "resolvedAt":"2026-11-21T07:31:00Z","resolution":"ACKNOWLEDGED"}}"""
                .formatted(alertId, patient, alertId, clinic, patient, AlertType.RED_FLAG_SYMPTOM));

        await().atMost(WAIT).untilAsserted(() -> assertThat(notesOf(compose("EVENING", 15)))
                .contains("Pigeon Pose in place of Child's Pose, which was too easy in the last 3 sessions."));
        assertThat(feedbackView().get("redFlagOpen").asBoolean()).isFalse();
    }

    @Test
    void hostileFeedbackIsRefusedNamingTheFieldOverHttpAndDeadLetteredOnTheTopic() {
        ResponseEntity<JsonNode> response = logSession(clinician, patient + "-bad", Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS),
                "[{\"exerciseId\":\"cat-cow\",\"felt\":\"EXTREMELY_EASY\",\"hurt\":\"yes\"}]");
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("errors").findValues("field")).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("exercises[0].felt", "exercises[0].hurt");

        kafka.send(Topics.SESSIONS, patient, sessionEvent(patient + "-bad", Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS),
                "[{\"exerciseId\":\"cat-cow\",\"felt\":\"too easy\"}]", false));
        var deadLetters = kafka.readUntil(Topics.SESSIONS_DLT, r -> patient.equals(r.key()), WAIT);
        assertThat(deadLetters).filteredOn(r -> patient.equals(r.key())).anySatisfy(d ->
                assertThat(d.headers().get(DeadLetterContent.REASON_HEADER)).contains("data.exercises[0].felt"));
        // nothing was kept of the refused session: the patient is unknown here
        assertThat(clinician.get().uri("/api/v1/patients/{id}/exercise-feedback", patient).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(404);
    }
}
