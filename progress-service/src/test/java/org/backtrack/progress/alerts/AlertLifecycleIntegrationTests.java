package org.backtrack.progress.alerts;

import org.backtrack.events.AlertAcknowledged;
import org.backtrack.events.AlertRaised;
import org.backtrack.events.AlertResolved;
import org.backtrack.events.AlertResolution;
import org.backtrack.events.AlertType;
import org.backtrack.events.Topics;
import org.backtrack.progress.alerts.rules.AlertDecision;
import org.backtrack.progress.alerts.rules.AlertIdentity;
import org.backtrack.progress.readmodel.PatientSummaries;
import org.backtrack.progress.readmodel.ReadModelRebuild;
import org.backtrack.testsupport.KafkaTestClient;
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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.backtrack.testsupport.TestDefaults.WAIT;
import static org.backtrack.testsupport.TestDefaults.JSON;

/**
 * Alerts end to end through Kafka: sessions go in on {@code backtrack.sessions} as an integrator sends them, alerts come
 * out of the API and their lifecycle out of {@code backtrack.progress}. The scheduled sweep is off here: the tests run
 * sweeps themselves, as of the instant they choose, two at once as two instances would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "backtrack.alerts.sweep.enabled=false")
abstract class AlertLifecycleIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    PatientSummaries summaries;
    @Autowired
    AlertEpisodes episodes;
    @Autowired
    AlertWriter writer;
    @Autowired
    ReadModelRebuild rebuild;
    @Autowired
    Alerts alerts;

    @Autowired
    KafkaTestClient kafka;
    String clinic;
    String patientId;
    RestClient clinician;
    RestClient otherClinician;

    @BeforeEach
    void setUp() {
        clinic = "clinic-al-" + UUID.randomUUID().toString().substring(0, 8);
        patientId = "patient-" + UUID.randomUUID();
        clinician = TestHttp.client(port, TestIssuer.clinician(clinic));
        otherClinician = TestHttp.client(port, TestIssuer.clinician("clinic-other"));
    }

    /** A session event as an integrator sends it (event time: now). */
    String session(String eventId, String patient, String sessionId, Instant completedAt, int painBefore, String flags) {
        return """
                {"specversion":"1.0","id":"%s","source":"/test","type":"backtrack.session.completed.v1","subject":"%s",
                 "time":"%s","datacontenttype":"application/json",
                 "data":{"sessionId":"%s","clinicId":"%s","patientId":"%s","completedAt":"%s","painBefore":%d,"painAfter":%d,
                         "flags":%s}}"""
                .formatted(eventId, patient, Instant.now().truncatedTo(ChronoUnit.MILLIS), sessionId, clinic, patient,
                        completedAt, painBefore, Math.max(0, painBefore - 1), flags);
    }

    static String flags(boolean sharp, boolean numbness) {
        return "{\"sharpPain\":" + sharp + ",\"radiatingPain\":false,\"numbness\":" + numbness + ",\"nightPain\":false}";
    }

    void send(String patient, List<String> events) {
        kafka.sendAll(Topics.SESSIONS, patient, events);
    }

    void awaitSessions(String patient, int count) {
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(clinician.get()
                .uri("/api/v1/patients/{id}/progress", patient).retrieve().body(JsonNode.class).get("sessionCount").asInt()).isEqualTo(count));
    }

    /** The patient's alerts; none while the patient is not known yet (404 until the first session is in). */
    JsonNode alertsOf(String patient) {
        JsonNode answer = clinician.get().uri("/api/v1/patients/{id}/alerts", patient).retrieve().body(JsonNode.class);
        return answer != null && answer.isArray() ? answer : JSON.createArrayNode();
    }

    List<JsonNode> alertsOf(String patient, String type) {
        List<JsonNode> found = new ArrayList<>();
        alertsOf(patient).forEach(a -> {
            if (a.get("type").asString().equals(type)) {
                found.add(a);
            }
        });
        return found;
    }

    ResponseEntity<JsonNode> acknowledge(RestClient as, String alertId, String body) {
        var request = as.post().uri("/api/v1/alerts/{id}/acknowledgement", alertId);
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }

    List<JsonNode> alertEventsOf(String patient, List<KafkaTestClient.ReceivedRecord> records) {
        return records.stream().filter(r -> patient.equals(r.key())).map(r -> JSON.readTree(r.value()))
                .filter(e -> e.get("type").asString().startsWith("backtrack.progress.alert-")).toList();
    }

    @Test
    void aRedFlagArriving16DaysLateRaisesALateAlertThatOneClinicianOfItsClinicAcknowledgesOnce() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> history = new ArrayList<>();
        for (int day = 20; day >= 0; day--) {
            history.add(session("e-" + day, patientId, "s-" + day, now.minus(Duration.ofDays(day)).minusSeconds(600), 7 - (20 - day) / 5, flags(false, false)));
        }
        send(patientId, history);
        awaitSessions(patientId, 21);
        assertThat(alertsOf(patientId, "RED_FLAG_SYMPTOM")).isEmpty();

        // numbness 16 days ago, synced only now: the assessment's two-week look-back no longer reaches it
        Instant happened = now.minus(Duration.ofDays(16)).plusSeconds(3600);
        Instant sent = Instant.now();
        String lateRedFlag = session("e-late", patientId, "s-late", happened, 5, flags(false, true));
        send(patientId, List.of(lateRedFlag));
        await().atMost(WAIT).untilAsserted(() -> assertThat(alertsOf(patientId, "RED_FLAG_SYMPTOM")).hasSize(1));
        JsonNode alert = alertsOf(patientId, "RED_FLAG_SYMPTOM").get(0);
        String alertId = alert.get("alertId").asString();
        assertThat(alert.get("status").asString()).isEqualTo("OPEN");
        assertThat(alert.get("late").asBoolean()).isTrue();
        assertThat(alert.get("sessionId").asString()).isEqualTo("s-late");
        assertThat(Instant.parse(alert.get("occurredAt").asString())).isEqualTo(happened);
        assertThat(Instant.parse(alert.get("arrivedAt").asString())).isBetween(sent.minusSeconds(1), Instant.now());
        assertThat(alert.get("summary").asString()).isEqualTo("Numbness reported (pain 5/10 before the session)");

        // the clinic's inbox lists it among the open alerts; another clinic's inbox and look-ups never show it
        assertThat(clinician.get().uri("/api/v1/alerts?status=open").retrieve().body(JsonNode.class).findValuesAsString("alertId"))
                .contains(alertId);
        assertThat(otherClinician.get().uri("/api/v1/alerts").retrieve().body(String.class)).doesNotContain(alertId);
        assertThat(otherClinician.get().uri("/api/v1/alerts/{id}", alertId).retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(404);
        var foreign = acknowledge(otherClinician, alertId, "{\"note\":\"not mine\"}");
        assertThat(foreign.getStatusCode().value()).isEqualTo(404);
        assertThat(foreign.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(otherClinician.get().uri("/api/v1/patients/{id}/alerts", patientId).retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(404); // as for an unknown patient
        assertThat(clinician.get().uri("/api/v1/patients/{id}/alerts", "patient-unknown").retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(404);

        // the patient reads it but cannot acknowledge it
        RestClient patient = TestHttp.client(port, TestIssuer.patient(clinic, patientId));
        assertThat(patient.get().uri("/api/v1/patients/{id}/alerts", patientId).retrieve().body(String.class)).contains(alertId);
        assertThat(acknowledge(patient, alertId, null).getStatusCode().value()).isEqualTo(403);

        var first = acknowledge(clinician, alertId, "{\"note\":\"Called the patient; seen tomorrow.\",\"by\":\"someone-else\"}");
        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertThat(first.getBody().get("status").asString()).isEqualTo("RESOLVED"); // a red flag resolves by its acknowledgement
        assertThat(first.getBody().get("acknowledgement").get("by").asString()).isEqualTo("clinician@" + clinic);
        assertThat(first.getBody().get("acknowledgement").get("note").asString()).isEqualTo("Called the patient; seen tomorrow.");
        assertThat(first.getBody().get("resolution").get("reason").asString()).isEqualTo("ACKNOWLEDGED");

        var second = acknowledge(TestHttp.client(port, TestIssuer.clinicAdmin(clinic)), alertId, null);
        assertThat(second.getStatusCode().value()).isEqualTo(409);
        assertThat(second.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(second.getBody().get("acknowledgedBy").asString()).isEqualTo("clinician@" + clinic);
        // the patient sees that it was acknowledged, not the clinic's note
        JsonNode seenByPatient = patient.get().uri("/api/v1/alerts/{id}", alertId).retrieve().body(JsonNode.class);
        assertThat(seenByPatient.get("acknowledgement").get("by").asString()).isEqualTo("clinician@" + clinic);
        assertThat(seenByPatient.get("acknowledgement").get("note").isNull()).isTrue();

        // the raise, the acknowledgement and the resolution on backtrack.progress, each once, in that order
        var records = kafka.readUntil(Topics.PROGRESS, r -> patientId.equals(r.key()) && r.value().contains(AlertResolved.TYPE), WAIT);
        List<JsonNode> lifecycle = alertEventsOf(patientId, records);
        assertThat(lifecycle).extracting(e -> e.get("id").asString())
                .containsExactly(alertId + ".raised", alertId + ".acknowledged", alertId + ".resolved");
        assertThat(lifecycle).extracting(e -> e.get("type").asString()).containsExactly(AlertRaised.TYPE, AlertAcknowledged.TYPE, AlertResolved.TYPE);
        JsonNode raised = lifecycle.get(0).get("data");
        assertThat(raised.get("late").asBoolean()).isTrue();
        assertThat(Instant.parse(raised.get("occurredAt").asString())).isEqualTo(happened);
        assertThat(raised.get("clinicId").asString()).isEqualTo(clinic);
        assertThat(lifecycle.get(1).get("data").get("acknowledgedBy").asString()).isEqualTo("clinician@" + clinic);
        assertThat(lifecycle.get(1).get("data").get("status").asString()).isEqualTo("RESOLVED");
        assertThat(lifecycle.get(2).get("data").get("resolution").asString()).isEqualTo("ACKNOWLEDGED");

        // replaying every event (same ids), and a correction of the red-flag session, raise nothing twice
        List<String> replay = new ArrayList<>(history);
        replay.add(lateRedFlag);
        replay.add(session("e-late-corrected", patientId, "s-late", happened, 6, flags(false, true)));
        replay.add(session("e-marker", patientId, "s-marker", now.minusSeconds(60), 2, flags(false, false)));
        send(patientId, replay);
        awaitSessions(patientId, 23);
        assertThat(alertsOf(patientId, "RED_FLAG_SYMPTOM")).singleElement()
                .satisfies(a -> assertThat(a.get("status").asString()).isEqualTo("RESOLVED"));
        assertThat(alertEventsOf(patientId, kafka.readAll(Topics.PROGRESS, Duration.ofSeconds(2))))
                .extracting(e -> e.get("id").asString()).filteredOn(id -> id.startsWith(alertId)).hasSize(3);

        // alerts are primary data: a rebuild of the read models keeps them as they are
        rebuild.rebuildAll();
        assertThat(clinician.get().uri("/api/v1/alerts/{id}", alertId).retrieve().body(JsonNode.class)
                .get("acknowledgement").get("note").asString()).isEqualTo("Called the patient; seen tomorrow.");
    }

    @Test
    void sharpPainIsAcknowledgedOnceUnderARaceAndResolvesAtTheNextSessionWithout() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        send(patientId, List.of(session("e-1", patientId, "s-1", now.minus(Duration.ofDays(2)), 4, flags(false, false)),
                session("e-2", patientId, "s-2", now.minus(Duration.ofDays(1)), 5, flags(true, false))));
        await().atMost(WAIT).untilAsserted(() -> assertThat(alertsOf(patientId, "SHARP_PAIN")).hasSize(1));
        String alertId = alertsOf(patientId, "SHARP_PAIN").get(0).get("alertId").asString();

        // two clinicians at the same moment: exactly one acknowledgement is recorded
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ResponseEntity<JsonNode>>> both = new ArrayList<>();
            for (RestClient who : List.of(clinician, TestHttp.client(port, TestIssuer.clinicAdmin(clinic)))) {
                both.add(pool.submit(() -> {
                    start.await();
                    return acknowledge(who, alertId, "{\"note\":\"seen\"}");
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var answer : both) {
                statuses.add(answer.get().getStatusCode().value());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(clinician.get().uri("/api/v1/alerts/{id}", alertId).retrieve().body(JsonNode.class).get("status").asString())
                .isEqualTo("ACKNOWLEDGED"); // sharp pain stays until a session without it

        send(patientId, List.of(session("e-3", patientId, "s-3", now.minusSeconds(600), 4, flags(false, false))));
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode alert = clinician.get().uri("/api/v1/alerts/{id}", alertId).retrieve().body(JsonNode.class);
            assertThat(alert.get("status").asString()).isEqualTo("RESOLVED");
            assertThat(alert.get("resolution").get("reason").asString()).isEqualTo("SIGN_CLEARED");
            assertThat(alert.get("resolution").get("bySessionId").asString()).isEqualTo("s-3");
            assertThat(alert.get("acknowledgement").get("note").asString()).isEqualTo("seen");
        });
        var records = kafka.readUntil(Topics.PROGRESS, r -> r.value().contains(alertId + ".resolved"), WAIT);
        assertThat(alertEventsOf(patientId, records)).extracting(e -> e.get("id").asString())
                .containsExactly(alertId + ".raised", alertId + ".acknowledged", alertId + ".resolved");
    }

    /**
     * A consumer batch's alert changes are written in bulk: carried out again (a redelivered batch), nothing is stored
     * or sent twice, and a raise and its resolution in one batch keep their order.
     */
    @Test
    void aBatchOfAlertChangesCarriedOutAgainStoresAndSendsEachChangeOnce() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var sharp = raise(AlertType.SHARP_PAIN, "s-1", now, null);
        var spike = raise(AlertType.PAIN_SPIKE, "s-1", now, 3);
        var decisions = List.of(new AlertWriter.PatientDecisions(clinic, patientId, List.of(sharp, spike,
                new AlertDecision.Resolve(AlertType.PAIN_SPIKE, spike.alertId(), AlertResolution.SIGN_CLEARED, "s-2"))));
        for (Instant at : List.of(now, now.plusSeconds(1))) {
            var batch = writer.batch();
            batch.carryOutAll(decisions, at);
            batch.publish();
        }
        // a last change for the same patient, sent after both: every record of the second batch lies before it
        var sentinel = raise(AlertType.SHARP_PAIN, "s-3", now, null);
        var last = writer.batch();
        last.carryOutAll(List.of(new AlertWriter.PatientDecisions(clinic, patientId, List.of(sentinel))), now);
        last.publish();

        var records = kafka.readUntil(Topics.PROGRESS, r -> r.value().contains(sentinel.alertId() + ".raised"), WAIT);
        assertThat(alertEventsOf(patientId, records)).extracting(e -> e.get("id").asString()).containsExactly(
                sharp.alertId() + ".raised", spike.alertId() + ".raised", spike.alertId() + ".resolved",
                sentinel.alertId() + ".raised");
        StoredAlert resolved = alerts.find(clinic, spike.alertId()).orElseThrow();
        assertThat(resolved.events()).extracting(StoredAlert.LifecycleEvent::id)
                .containsExactly(spike.alertId() + ".raised", spike.alertId() + ".resolved");
        assertThat(resolved.resolution().at()).isEqualTo(now);
        assertThat(alerts.find(clinic, sharp.alertId()).orElseThrow().resolution()).isNull();
    }

    AlertDecision.Raise raise(AlertType type, String sessionId, Instant at, Integer level) {
        return new AlertDecision.Raise(new AlertIdentity(clinic, patientId, type, AlertIdentity.ofSession(sessionId)), at, at,
                sessionId, type.name(), at, level);
    }

    @Test
    void twoSweepsAtOnceRaiseOneAlertPerAbsenceAndTheNextSessionOrALongerAbsenceResolvesIt() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> shortAbsences = new ArrayList<>();
        List<String> longAbsences = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String patient = patientId + "-" + i;
            boolean isLong = i >= 3;
            (isLong ? longAbsences : shortAbsences).add(patient);
            Instant last = now.minus(Duration.ofDays(isLong ? 20 : 4));
            // sessions and events are identified per clinic: each patient's own ids
            send(patient, List.of(session("e-a-" + i, patient, "s-a-" + i, last.minus(Duration.ofDays(1)), 5, flags(false, false)),
                    session("e-b-" + i, patient, "s-b-" + i, last, 5, flags(false, false))));
        }
        for (String patient : shortAbsences) {
            awaitSessions(patient, 2);
        }
        for (String patient : longAbsences) {
            awaitSessions(patient, 2);
        }

        // two instances sweep at the same moment, in pages of two: each absence gets exactly one alert
        List<DisengagementSweep> instances = List.of(newSweep(), newSweep());
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<DisengagementSweep.Run>> runs = instances.stream().map(sweep -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return sweep.sweep(now);
        })).toList();
        start.countDown();
        int raised = 0;
        for (var run : runs) {
            raised += run.get().raised();
            assertThat(run.get().finished()).isTrue();
        }
        assertThat(raised).as("alerts raised by both sweeps together").isGreaterThanOrEqualTo(5);
        for (String patient : shortAbsences) {
            assertThat(alertsOf(patient)).singleElement().satisfies(a -> {
                assertThat(a.get("type").asString()).isEqualTo("NO_SESSION_3_DAYS");
                assertThat(a.get("status").asString()).isEqualTo("OPEN");
                assertThat(a.get("sessionId").isNull()).isTrue();
                assertThat(a.get("late").asBoolean()).isFalse();
            });
        }
        for (String patient : longAbsences) {
            assertThat(alertsOf(patient)).singleElement().satisfies(a -> assertThat(a.get("type").asString()).isEqualTo("NO_SESSION_14_DAYS"));
        }
        // one raised event per absence on backtrack.progress (patients land on different partitions: read them all)
        await().atMost(WAIT).untilAsserted(() -> {
            var events = kafka.readAll(Topics.PROGRESS, Duration.ofSeconds(1));
            for (String patient : shortAbsences) {
                assertThat(alertEventsOf(patient, events)).singleElement()
                        .satisfies(e -> assertThat(e.get("type").asString()).isEqualTo(AlertRaised.TYPE));
            }
            for (String patient : longAbsences) {
                assertThat(alertEventsOf(patient, events)).hasSize(1);
            }
        });
        // sweeping again changes nothing
        newSweep().sweep(now.plusSeconds(60));
        for (String patient : shortAbsences) {
            assertThat(alertsOf(patient)).hasSize(1);
        }

        // the next session ends the first absence; eleven days on, the second becomes a long one that supersedes it
        String back = shortAbsences.get(0);
        String backAlert = alertsOf(back).get(0).get("alertId").asString();
        send(back, List.of(session("e-c", back, "s-c", now.minusSeconds(300), 4, flags(false, false))));
        awaitSessions(back, 3);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode alert = clinician.get().uri("/api/v1/alerts/{id}", backAlert).retrieve().body(JsonNode.class);
            assertThat(alert.get("status").asString()).isEqualTo("RESOLVED");
            assertThat(alert.get("resolution").get("reason").asString()).isEqualTo("SESSION_LOGGED");
            assertThat(alert.get("resolution").get("bySessionId").asString()).isEqualTo("s-c");
        });
        String away = shortAbsences.get(1);
        newSweep().sweep(now.plus(Duration.ofDays(11)));
        JsonNode awayAlerts = alertsOf(away);
        assertThat(awayAlerts).hasSize(2);
        assertThat(awayAlerts.get(0).get("type").asString()).isEqualTo("NO_SESSION_14_DAYS"); // open first
        assertThat(awayAlerts.get(0).get("status").asString()).isEqualTo("OPEN");
        assertThat(awayAlerts.get(1).get("resolution").get("reason").asString()).isEqualTo("SUPERSEDED");
    }

    @Test
    void theApiRefusesHostileInputAndPagesTheInboxWithLinks() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> redFlags = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            redFlags.add(session("e-" + i, patientId, "s-" + i, now.minus(Duration.ofDays(3 - i)), 5, flags(false, true)));
        }
        send(patientId, redFlags);
        await().atMost(WAIT).untilAsserted(() -> assertThat(alertsOf(patientId, "RED_FLAG_SYMPTOM")).hasSize(3));
        String first = alertsOf(patientId).get(0).get("alertId").asString();
        assertThat(acknowledge(clinician, first, null).getStatusCode().value()).isEqualTo(200);

        // pages of one, open first and newest first, the Link header naming each next page
        List<String> seen = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        String next = "/api/v1/patients/" + patientId + "/alerts?size=1";
        while (next != null) {
            ResponseEntity<JsonNode> page = clinician.get().uri(next).retrieve().toEntity(JsonNode.class);
            assertThat(page.getBody()).hasSize(1);
            seen.add(page.getBody().get(0).get("alertId").asString());
            statuses.add(page.getBody().get(0).get("status").asString());
            String link = page.getHeaders().getFirst("Link");
            next = link == null ? null : link.substring(1, link.indexOf('>'));
        }
        assertThat(seen).hasSize(3).doesNotHaveDuplicates().endsWith(first);
        assertThat(statuses).containsExactly("OPEN", "OPEN", "RESOLVED");
        assertThat(clinician.get().uri("/api/v1/patients/{id}/alerts?status=RESOLVED", patientId).retrieve().body(JsonNode.class)
                .findValuesAsString("alertId")).containsExactly(first);

        for (String bad : List.of("/api/v1/alerts?status=opened", "/api/v1/alerts?size=0", "/api/v1/alerts?size=201",
                "/api/v1/alerts?cursor=bm90LWEtY3Vyc29y", "/api/v1/alerts/a%7C.*", "/api/v1/patients/" + patientId + "/alerts?status=x")) {
            var answer = clinician.get().uri(java.net.URI.create("http://localhost:" + port + bad)).retrieve().toEntity(String.class);
            assertThat(answer.getStatusCode().value()).as(bad).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType().toString()).as(bad).startsWith("application/problem+json");
        }
        String second = seen.get(0);
        for (String body : List.of("{\"note\":\"" + "n".repeat(AlertAcknowledged.MAX_NOTE_LENGTH + 1) + "\"}",
                "{\"note\":\"a\\u0000b\"}", "{\"note\":{\"nested\":true}}", "{\"note\":", "[1,2]")) {
            var answer = acknowledge(clinician, second, body);
            assertThat(answer.getStatusCode().value()).as(body).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        }
        assertThat(acknowledge(clinician, second, "{\"note\":\"" + "n".repeat(AlertAcknowledged.MAX_NOTE_LENGTH) + "\"}")
                .getStatusCode().value()).isEqualTo(200);
        assertThat(acknowledge(clinician, "a-000000000000000000000000", null).getStatusCode().value()).isEqualTo(404);

        JsonNode vocabulary = clinician.get().uri("/api/v1/alert-types").retrieve().body(JsonNode.class);
        assertThat(vocabulary.get("types").findValuesAsString("type")).containsExactly("RED_FLAG_SYMPTOM", "SHARP_PAIN", "PAIN_SPIKE",
                "WORSENING", "NO_SESSION_3_DAYS", "NO_SESSION_14_DAYS");
        assertThat(vocabulary.get("types").get(0).get("label").asString()).isEqualTo("Red-flag symptom");
        assertThat(vocabulary.get("types").get(0).get("resolvedByAcknowledgement").asBoolean()).isTrue();
        assertThat(vocabulary.get("statuses").findValuesAsString("parameter")).containsExactly("open", "acknowledged", "resolved");

        JsonNode api = TestHttp.client(port).get().uri("/v3/api-docs").retrieve().body(JsonNode.class);
        for (String path : List.of("/api/v1/alerts", "/api/v1/alerts/{alertId}", "/api/v1/alerts/{alertId}/acknowledgement",
                "/api/v1/patients/{patientId}/alerts", "/api/v1/alert-types")) {
            JsonNode operations = api.get("paths").get(path);
            assertThat(operations).as(path).isNotNull();
            operations.forEach(op -> assertThat(op.get("x-backtrack-roles")).as(path).isNotNull().isNotEmpty());
        }
        assertThat(api.get("paths").get("/api/v1/alerts/{alertId}/acknowledgement").get("post").get("x-backtrack-roles")
                .valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("CLINICIAN", "CLINIC_ADMIN");
    }

    DisengagementSweep newSweep() {
        // pages of two, as many as it takes: other tests' patients share the database
        return new DisengagementSweep(summaries, episodes, writer, Clock.systemUTC(), true, Duration.ofDays(60), 2, 100_000);
    }
}
