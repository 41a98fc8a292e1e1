package org.backtrack.routine;

import org.backtrack.testsupport.TestHttp;
import org.backtrack.testsupport.TestIssuer;
import org.backtrack.security.Role;
import org.backtrack.events.ProgramChanged;
import org.backtrack.events.ProgramEventCodec;
import org.backtrack.events.ProposalDecision;
import org.backtrack.events.Topics;
import org.backtrack.testsupport.KafkaTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Progress events from the real broker become proposals a clinician accepts or declines; safety withdraws them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ProgramsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    RestClient http;
    String patient;

    @BeforeEach
    void setUp() {
        // a named clinician: decisions are recorded under the token's subject
        http = TestHttp.client(port, TestIssuer.get().token("dr.lee", "clinic-p", null, Role.CLINICIAN));
        patient = "patient-" + UUID.randomUUID();
    }

    String progressEvent(String id, String status, String action) {
        return """
                {"specversion":"1.0","id":"%s","source":"/progress-service","type":"backtrack.progress.status-changed.v1",
                 "subject":"%s","time":"2026-11-23T08:00:00Z","datacontenttype":"application/json",
                 "data":{"patientId":"%s","clinicId":"clinic-p","status":"%s",
                         "suggestion":{"action":"%s","exercises":["pigeon-pose"],"reason":"Pain has stopped falling."},
                         "alerts":[],"asOf":"2026-11-23T07:00:00Z","evaluatedAt":"2026-11-23T08:00:00Z"}}"""
                .formatted(id, patient, patient, status, action);
    }

    JsonNode program() {
        return http.get().uri("/api/v1/patients/{p}/program", patient).retrieve().body(JsonNode.class);
    }

    ResponseEntity<JsonNode> decide(String proposal, String verb, String by) {
        return http.post().uri("/api/v1/patients/{p}/program/proposals/{id}/{verb}", patient, proposal, verb)
                .contentType(MediaType.APPLICATION_JSON).body("{\"decidedBy\":\"" + by + "\"}").retrieve().toEntity(JsonNode.class);
    }

    @Test
    void aPlateauBecomesOneProposalThatAClinicianAccepts() {
        try (var kafka = new KafkaTestClient(bootstrapServers)) {
            String event = progressEvent("ev-1", "PLATEAU", "PROGRESS_TO_DEEPER_STRETCHES");
            kafka.send(Topics.PROGRESS, patient, event);
            kafka.send(Topics.PROGRESS, patient, event); // redelivery
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> program().path("proposals").size() == 1);
        JsonNode proposal = program().get("proposals").get(0);
        assertThat(proposal.get("decision").asString()).isEqualTo("PENDING");
        assertThat(proposal.get("toStage").asString()).isEqualTo("DEEPER");

        // nobody else decides: not another clinic (404), not the patient (403), and a forged name changes nothing
        var otherClinic = TestHttp.client(port, TestIssuer.clinician("clinic-q"));
        assertThat(otherClinic.post().uri("/api/v1/patients/{p}/program/proposals/ev-1/accept", patient).retrieve()
                .toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(404);
        assertThat(otherClinic.get().uri("/api/v1/patients/{p}/program", patient).retrieve()
                .toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(404);
        var self = TestHttp.client(port, TestIssuer.patient("clinic-p", patient));
        assertThat(self.post().uri("/api/v1/patients/{p}/program/proposals/ev-1/accept", patient).retrieve()
                .toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(403);
        assertThat(self.get().uri("/api/v1/patients/{p}/program", patient).retrieve()
                .toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(200);

        assertThat(decide("ev-1", "accept", "someone-else").getStatusCode().value()).isEqualTo(200);
        JsonNode after = program();
        assertThat(after.get("stage").asString()).isEqualTo("DEEPER");
        assertThat(after.get("proposals").get(0).get("decidedBy").asString()).isEqualTo("dr.lee");
        assertThat(after.get("proposals").get(0).get("decidedAt").isNull()).isFalse();
        assertThat(decide("ev-1", "decline", "dr.lee").getStatusCode().value()).isEqualTo(409);

        // each change went out on backtrack.programs as the whole program, typed as the contract reads it
        var records = programRecordsUntilDeeper();
        var changes = programChanges(records);
        assertThat(changes).extracting(ProgramChanged::version).containsExactly(1L, 2L);
        assertThat(changes).allSatisfy(c -> assertThat(c.clinicId()).isEqualTo("clinic-p"));
        assertThat(changes.get(0).proposals()).singleElement().extracting(ProgramChanged.Proposal::decision)
                .isEqualTo(ProposalDecision.PENDING);
        assertThat(changes.get(1).stage()).isEqualTo("DEEPER");
        assertThat(changes.get(1).changedBy()).isEqualTo("dr.lee");
        assertThat(changes.get(1).proposals()).singleElement().extracting(ProgramChanged.Proposal::decision)
                .isEqualTo(ProposalDecision.ACCEPTED);
        assertThat(records.get(records.size() - 1).headers()).containsEntry("content-type", "application/cloudevents+json");
    }

    @Test
    void aProgressEventOfAnotherClinicChangesOnlyThatClinicsProgram() {
        try (var kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.PROGRESS, patient, progressEvent("ev-own", "PLATEAU", "PROGRESS_TO_DEEPER_STRETCHES"));
            await().atMost(Duration.ofSeconds(30)).until(() -> program().path("proposals").size() == 1);
            String foreign = progressEvent("ev-foreign", "PLATEAU", "ADD_STRENGTHENING").replace("clinic-p", "clinic-q");
            kafka.send(Topics.PROGRESS, patient, foreign);
        }
        // the same patient id in clinic-q is another patient: their program gets the proposal, clinic-p's does not
        var otherClinic = TestHttp.client(port, TestIssuer.clinician("clinic-q"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "ev-foreign".equals(otherClinic.get()
                .uri("/api/v1/patients/{p}/program", patient).retrieve().toEntity(JsonNode.class).getBody()
                .path("proposals").path(0).path("id").asString("")));
        assertThat(program().get("proposals")).hasSize(1);
        assertThat(program().get("proposals").get(0).get("id").asString()).isEqualTo("ev-own");
    }

    @Test
    void aProgressEventWithAMalformedIdIsDeadLetteredNamingTheField() {
        String event = progressEvent("ev-bad", "PLATEAU", "PROGRESS_TO_DEEPER_STRETCHES")
                .replace("\"patientId\":\"" + patient + "\"", "\"patientId\":\"x|.*\"");
        try (var kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.PROGRESS, patient, event);
            var dead = kafka.readUntil(Topics.PROGRESS + Topics.DEAD_LETTER_SUFFIX,
                    r -> patient.equals(r.key()) && r.value().contains("ev-bad"), Duration.ofSeconds(30));
            assertThat(dead).filteredOn(r -> r.value().contains("ev-bad")).singleElement()
                    .satisfies(r -> assertThat(r.headers().values()).anyMatch(h -> h.contains("data.patientId")));
        }
    }

    @Test
    void aRedFlagWithdrawsAPendingProgression() {
        try (var kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.PROGRESS, patient, progressEvent("ev-a", "PLATEAU", "PROGRESS_TO_DEEPER_STRETCHES"));
            kafka.send(Topics.PROGRESS, patient, progressEvent("ev-b", "RED_FLAG", "SEE_A_PROFESSIONAL"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "WITHDRAWN".equals(program().path("proposals").path(0).path("decision").asString("")));
        assertThat(program().get("stage").asString()).isEqualTo("BASIC");
        assertThat(decide("ev-a", "accept", "dr.lee").getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void anUnreadableProgressEventIsDeadLettered() {
        try (var kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.send(Topics.PROGRESS, patient, "{not json");
            var dead = kafka.readUntil(Topics.PROGRESS + Topics.DEAD_LETTER_SUFFIX, r -> patient.equals(r.key()), Duration.ofSeconds(30));
            assertThat(dead).anyMatch(r -> patient.equals(r.key()) && "{not json".equals(r.value()));
        }
    }

    @Test
    void aClinicianSetsTheStageAndTheRoutineFollows() {
        var put = http.put().uri("/api/v1/patients/{p}/program", patient).contentType(MediaType.APPLICATION_JSON)
                .body("{\"clinicId\":\"clinic-p\",\"stage\":\"EXPERT\",\"changedBy\":\"dr.lee\"}").retrieve().toEntity(JsonNode.class);
        assertThat(put.getStatusCode().value()).isEqualTo(400);
        put = http.put().uri("/api/v1/patients/{p}/program", patient).contentType(MediaType.APPLICATION_JSON)
                .body("{\"clinicId\":\"clinic-p\",\"stage\":\"STRENGTHENING\",\"focusRegions\":[\"CORE\"],\"changedBy\":\"dr.lee\"}")
                .retrieve().toEntity(JsonNode.class);
        assertThat(put.getStatusCode().value()).isEqualTo(200);
        assertThat(program().get("stage").asString()).isEqualTo("STRENGTHENING");
        assertThat(program().get("updatedBy").asString()).isEqualTo("dr.lee");
    }

    @Test
    void aClinicianSetsTheMonitoringStartAndItIsPublishedWithTheProgram() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        for (String bad : new String[]{"\"2026-02-30\"", "\"next week\"", "\"" + today.minusDays(400) + "\"",
                "\"" + today.plusDays(31) + "\"", "20261116"}) {
            var refused = http.put().uri("/api/v1/patients/{p}/program", patient).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"stage\":\"BASIC\",\"monitoringStart\":" + bad + "}").retrieve().toEntity(JsonNode.class);
            assertThat(refused.getStatusCode().value()).as(bad).isEqualTo(400);
            assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(refused.getBody().get("errors").findValues("field")).extracting(JsonNode::asString).containsExactly("monitoringStart");
        }
        String start = today.minusDays(10).toString();
        var put = http.put().uri("/api/v1/patients/{p}/program", patient).contentType(MediaType.APPLICATION_JSON)
                .body("{\"stage\":\"BASIC\",\"monitoringStart\":\"" + start + "\"}").retrieve().toEntity(JsonNode.class);
        assertThat(put.getStatusCode().value()).isEqualTo(200);
        // a later change without it keeps it
        http.put().uri("/api/v1/patients/{p}/program", patient).contentType(MediaType.APPLICATION_JSON)
                .body("{\"stage\":\"DEEPER\"}").retrieve().toEntity(JsonNode.class);
        assertThat(program().get("monitoringStart").asString()).isEqualTo(start);
        assertThat(program().get("stage").asString()).isEqualTo("DEEPER");

        var changes = programChanges(programRecordsUntilDeeper());
        assertThat(changes).extracting(ProgramChanged::version).containsExactly(1L, 2L); // the refused ones wrote nothing
        assertThat(changes).extracting(ProgramChanged::monitoringStart).containsOnly(java.time.LocalDate.parse(start));
    }

    /** The records on backtrack.programs up to the first of the patient's that moves the program to DEEPER. */
    List<KafkaTestClient.ReceivedRecord> programRecordsUntilDeeper() {
        try (var kafka = new KafkaTestClient(bootstrapServers)) {
            return kafka.readUntil(Topics.PROGRAMS, r -> patient.equals(r.key()) && r.value().contains("\"stage\":\"DEEPER\""),
                    Duration.ofSeconds(30));
        }
    }

    /** The patient's program changes among the records, typed as the contract reads them. */
    List<ProgramChanged> programChanges(List<KafkaTestClient.ReceivedRecord> records) {
        var codec = new ProgramEventCodec(json);
        return records.stream().filter(r -> patient.equals(r.key()))
                .map(r -> codec.decode(r.value().getBytes(java.nio.charset.StandardCharsets.UTF_8)).orElseThrow().data()).toList();
    }
}
