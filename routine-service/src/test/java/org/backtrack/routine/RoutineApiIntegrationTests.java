package org.backtrack.routine;

import org.backtrack.routine.catalog.CatalogAccess;
import org.backtrack.routine.composition.CompositionRequest;
import org.backtrack.routine.composition.RoutinePlan;
import org.backtrack.routine.routines.Routine;
import org.backtrack.testsupport.TestHttp;
import org.backtrack.testsupport.TestIssuer;
import org.backtrack.testsupport.ClinicianApiTests;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.backtrack.testsupport.TestDefaults.JSON;

/**
 * The routine-service API's own answers: validation, hostile ids on every path and body id, clinic isolation of
 * routines, the move of older data to clinic keys, and what happens while the catalog has never been reachable.
 * Composing from the live catalog and from the local copy after stopping catalog-service is in the devstack system
 * test, which runs the real catalog-service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"backtrack.catalog.url=http://127.0.0.1:1", "backtrack.catalog.timeout=2s"})
abstract class RoutineApiIntegrationTests extends ClinicianApiTests {

    @Autowired
    MongoOperations mongo;
    @Autowired
    ClinicKeysOnStart clinicKeys;

    RoutineApiIntegrationTests() {
        super("c1");
    }

    ResponseEntity<JsonNode> compose(String body) {
        return http.post().uri("/api/v1/routines").contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvFileSource(resources = "/org/backtrack/routine/rejected-routine-requests.csv", delimiter = '|', quoteCharacter = '\'')
    void badRequestsNameTheField(String body, String field) {
        assertThat(TestHttp.problemFields(compose(body), 400)).contains(field);
    }

    @Test
    void withoutCatalogAndWithoutACopyTheAnswerIs503NotAnError() {
        ResponseEntity<JsonNode> response = TestHttp.client(port, TestIssuer.clinician("c-never")).post().uri("/api/v1/routines")
                .contentType(MediaType.APPLICATION_JSON).body("{\"patientId\":\"p-never\",\"minutes\":10}").retrieve().toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getBody().get("title").asString()).isEqualTo("Catalog unavailable");
    }

    @Test
    void anUnknownRoutineIs404() {
        assertThat(http.get().uri("/api/v1/routines/nope").retrieve().toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(404);
    }

    /**
     * Encoded in a path segment (%5C, %2F, %00), these never reach BackTrack's code: Tomcat itself answers 400 with
     * its own HTML page before any servlet runs, so the identifier check cannot name the field. Still 400, never 5xx.
     */
    static final Set<String> REJECTED_BY_TOMCAT_IN_A_PATH = Set.of("\\", "a/b", "a\u0000b");

    /** One id a request carries: where it goes and the field a 400 must name. */
    record IdSlot(String name, HttpMethod method, boolean inPath, Function<String, String> path,
                  Function<String, String> body, String field) {

        static IdSlot inPath(String name, HttpMethod method, String template, String field) {
            return new IdSlot(name, method, true,
                    id -> template.replace("{" + field + "}", UriUtils.encodePathSegment(id, UTF_8)),
                    id -> method == HttpMethod.GET ? null : "{\"stage\":\"DEEPER\"}", field);
        }

        static IdSlot inBody(String name, HttpMethod method, String path, String template, String field) {
            return new IdSlot(name, method, false, id -> path,
                    id -> template.replace("\"$ID\"", JSON.writeValueAsString(id)), field);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final String SESSION = """
            {"sessionId":"s-1","clinicId":"c1","patientId":"p1","routineId":"r-1","completedAt":"2026-11-20T07:31:00Z",
             "painBefore":6,"painAfter":4,"exercises":[{"exerciseId":"cat-cow","completed":true}]}""";

    static final List<IdSlot> ID_SLOTS = List.of(
            IdSlot.inPath("GET routine", HttpMethod.GET, "/api/v1/routines/{id}", "id"),
            IdSlot.inPath("GET timeline", HttpMethod.GET, "/api/v1/routines/{id}/timeline", "id"),
            IdSlot.inPath("GET routines", HttpMethod.GET, "/api/v1/patients/{patientId}/routines", "patientId"),
            IdSlot.inPath("GET sessions", HttpMethod.GET, "/api/v1/patients/{patientId}/sessions", "patientId"),
            IdSlot.inPath("GET program", HttpMethod.GET, "/api/v1/patients/{patientId}/program", "patientId"),
            IdSlot.inPath("PUT program", HttpMethod.PUT, "/api/v1/patients/{patientId}/program", "patientId"),
            IdSlot.inPath("accept (patient)", HttpMethod.POST, "/api/v1/patients/{patientId}/program/proposals/ev-1/accept", "patientId"),
            IdSlot.inPath("accept (proposal)", HttpMethod.POST, "/api/v1/patients/p1/program/proposals/{proposalId}/accept", "proposalId"),
            IdSlot.inPath("decline (patient)", HttpMethod.POST, "/api/v1/patients/{patientId}/program/proposals/ev-1/decline", "patientId"),
            IdSlot.inPath("decline (proposal)", HttpMethod.POST, "/api/v1/patients/p1/program/proposals/{proposalId}/decline", "proposalId"),
            new IdSlot("GET access log", HttpMethod.GET, false,
                    id -> "/api/v1/access-log/routine-service?patientId=" + UriUtils.encodeQueryParam(id, UTF_8), id -> null, "patientId"),
            IdSlot.inBody("POST session sessionId", HttpMethod.POST, "/api/v1/sessions", SESSION.replace("\"s-1\"", "\"$ID\""), "sessionId"),
            IdSlot.inBody("POST session patientId", HttpMethod.POST, "/api/v1/sessions", SESSION.replace("\"p1\"", "\"$ID\""), "patientId"),
            IdSlot.inBody("POST session clinicId", HttpMethod.POST, "/api/v1/sessions", SESSION.replace("\"c1\"", "\"$ID\""), "clinicId"),
            IdSlot.inBody("POST session routineId", HttpMethod.POST, "/api/v1/sessions", SESSION.replace("\"r-1\"", "\"$ID\""), "routineId"),
            IdSlot.inBody("POST session exerciseId", HttpMethod.POST, "/api/v1/sessions", SESSION.replace("\"cat-cow\"", "\"$ID\""),
                    "exercises[0].exerciseId"),
            IdSlot.inBody("POST routine patientId", HttpMethod.POST, "/api/v1/routines", "{\"patientId\":\"$ID\",\"minutes\":10}", "patientId"),
            IdSlot.inBody("POST routine clinicId", HttpMethod.POST, "/api/v1/routines",
                    "{\"patientId\":\"p1\",\"clinicId\":\"$ID\",\"minutes\":10}", "clinicId"),
            IdSlot.inBody("POST routine excludedExercises", HttpMethod.POST, "/api/v1/routines",
                    "{\"patientId\":\"p1\",\"minutes\":10,\"excludedExercises\":[\"$ID\"]}", "excludedExercises"),
            IdSlot.inBody("PUT program clinicId", HttpMethod.PUT, "/api/v1/patients/p1/program",
                    "{\"clinicId\":\"$ID\",\"stage\":\"DEEPER\"}", "clinicId"));

    static Stream<Arguments> hostileIdsInEverySlot() {
        return ID_SLOTS.stream().flatMap(slot -> HostileIds.VALUES.stream()
                .map(id -> Arguments.of(slot, id.length() > 20 ? "a x " + id.length() : id.replace("\0", "\\0"), id)));
    }

    @ParameterizedTest(name = "{0} with {1} -> 400 naming the field")
    @MethodSource("hostileIdsInEverySlot")
    void aHostileIdIsRefusedNamingItsField(IdSlot slot, String shown, String id) {
        // a clinic administrator may call every operation, the access log included
        var request = TestHttp.client(port, TestIssuer.clinicAdmin("c1")).method(slot.method())
                .uri(URI.create("http://localhost:" + port + slot.path().apply(id)));
        String body = slot.body().apply(id);
        var sent = body == null ? request : request.contentType(MediaType.APPLICATION_JSON).body(body);

        ResponseEntity<String> response = sent.retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        if (slot.inPath() && REJECTED_BY_TOMCAT_IN_A_PATH.contains(id)) {
            return;
        }
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(JSON.readTree(response.getBody()).get("errors").findValues("field")).extracting(JsonNode::asString)
                .contains(slot.field());
    }

    @Test
    void aRoutineOfAnotherClinicIsAnsweredExactlyLikeAnUnknownId() {
        String suffix = UUID.randomUUID().toString();
        var request = new CompositionRequest("patient-42", 10, "ANY", null, null, "BASIC", null, null, LocalDate.of(2026, 11, 23));
        Routine routine = mongo.insert(new Routine(UUID.randomUUID().toString(), "patient-42", "clinic-a-" + suffix,
                Instant.now(), request, new RoutinePlan(600, 0, List.of(), List.of()), CatalogAccess.Source.LIVE));
        var clinicA = TestHttp.client(port, TestIssuer.clinician("clinic-a-" + suffix));
        var clinicB = TestHttp.client(port, TestIssuer.clinician("clinic-b-" + suffix));
        assertThat(clinicA.get().uri("/api/v1/routines/{id}", routine.id()).retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(200);

        var foreign = clinicB.get().uri("/api/v1/routines/{id}", routine.id()).retrieve().toEntity(JsonNode.class);
        String unused = UUID.randomUUID().toString();
        var unknown = clinicB.get().uri("/api/v1/routines/{id}", unused).retrieve().toEntity(JsonNode.class);

        assertThat(foreign.getStatusCode().value()).isEqualTo(404);
        assertThat(foreign.getHeaders().getContentType()).isEqualTo(unknown.getHeaders().getContentType());
        assertThat(foreign.getBody().toString().replace(routine.id(), "ID"))
                .isEqualTo(unknown.getBody().toString().replace(unused, "ID"));
        assertThat(clinicB.get().uri("/api/v1/patients/patient-42/routines").retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(404);
        // clinic A's patient sees it; another patient of clinic A does not
        assertThat(TestHttp.client(port, TestIssuer.patient("clinic-a-" + suffix, "patient-42")).get()
                .uri("/api/v1/routines/{id}", routine.id()).retrieve().toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(200);
        assertThat(TestHttp.client(port, TestIssuer.patient("clinic-a-" + suffix, "patient-43")).get()
                .uri("/api/v1/routines/{id}", routine.id()).retrieve().toEntity(JsonNode.class).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aPatientsRoutinesArePagedNewestFirstAndARoutineComposedBetweenPagesShiftsNothing() {
        String clinic = "clinic-pages-" + UUID.randomUUID();
        var request = new CompositionRequest("patient-42", 10, "ANY", null, null, "BASIC", null, null, LocalDate.of(2026, 11, 23));
        Instant start = Instant.parse("2026-11-01T08:00:00Z");
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // two routines share a time: the id orders them
            Instant createdAt = start.plus(java.time.Duration.ofHours(i == 3 ? 2 : i));
            ids.add(mongo.insert(new Routine("r" + i + "-" + UUID.randomUUID(), "patient-42", clinic, createdAt, request,
                    new RoutinePlan(600, 0, List.of(), List.of()), CatalogAccess.Source.LIVE)).id());
        }
        var client = TestHttp.client(port, TestIssuer.clinician(clinic));
        List<String> expected = List.of(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));

        var first = client.get().uri("/api/v1/patients/patient-42/routines?size=2").retrieve().toEntity(JsonNode.class);
        List<String> seen = new java.util.ArrayList<>(first.getBody().findValues("id").stream().map(JsonNode::asString).toList());
        mongo.insert(new Routine("r-new-" + UUID.randomUUID(), "patient-42", clinic, start.plus(java.time.Duration.ofDays(1)), request,
                new RoutinePlan(600, 0, List.of(), List.of()), CatalogAccess.Source.LIVE));
        String link = first.getHeaders().getFirst("Link");
        while (link != null) {
            assertThat(link).endsWith("; rel=\"next\"");
            var page = client.get().uri(URI.create("http://localhost:" + port + link.substring(1, link.indexOf('>'))))
                    .retrieve().toEntity(JsonNode.class);
            page.getBody().findValues("id").forEach(id -> seen.add(id.asString()));
            link = page.getHeaders().getFirst("Link");
        }
        assertThat(seen).containsExactlyElementsOf(expected); // r3 and r2 share a time: "r3-..." sorts after "r2-..."
        assertThat(client.get().uri("/api/v1/patients/patient-42/routines").retrieve().body(JsonNode.class)).hasSize(6);
        for (String bad : List.of("size=0", "size=201", "cursor=eHl6")) {
            var response = client.get().uri("/api/v1/patients/patient-42/routines?" + bad).retrieve().toEntity(JsonNode.class);
            assertThat(response.getStatusCode().value()).as(bad).isEqualTo(400);
            assertThat(response.getBody().get("errors").findValues("field")).extracting(JsonNode::asString)
                    .containsExactly(bad.substring(0, bad.indexOf('=')));
        }
    }

    @Test
    void sessionsAndProgramsStoredUnderBareIdsAreTheirClinicsAfterTheMove() {
        String suffix = UUID.randomUUID().toString();
        String clinic = "clinic-old-" + suffix;
        String patient = "patient-old-" + suffix;
        String sessionId = "s-old-" + suffix;
        Date completedAt = Date.from(Instant.parse("2026-11-20T07:31:00Z"));
        // the documents as the code before clinic keys stored them: the bare id as _id, no id field
        mongo.insert(new Document("_id", sessionId).append("clinicId", clinic).append("patientId", patient)
                .append("completedAt", completedAt)
                .append("data", new Document("sessionId", sessionId).append("clinicId", clinic).append("patientId", patient)
                        .append("completedAt", completedAt).append("painBefore", 6).append("painAfter", 4))
                .append("eventId", "e-old-" + suffix).append("eventTime", completedAt).append("publication", "PUBLISHED")
                .append("loggedAt", completedAt).append("_class", "org.backtrack.routine.sessions.LoggedSession"), "sessions");
        mongo.insert(new Document("_id", patient).append("clinicId", clinic).append("stage", "DEEPER")
                .append("focusRegions", List.of("CORE")).append("proposals", List.of()).append("updatedBy", "dr.old")
                .append("updatedAt", completedAt).append("version", 3L)
                .append("_class", "org.backtrack.routine.programs.PatientProgram"), "programs");

        // twice, each time as a first start (no marker): the second finds nothing left to move
        for (int start = 1; start <= 2; start++) {
            mongo.remove(query(where("_id").in("clinic-keys:sessions", "clinic-keys:programs")), "schema_migrations");
            clinicKeys.afterSingletonsInstantiated();
        }

        assertThat(mongo.findById(sessionId, Document.class, "sessions")).isNull();
        assertThat(mongo.findById(patient, Document.class, "programs")).isNull();
        var own = TestHttp.client(port, TestIssuer.clinician(clinic));
        JsonNode sessions = own.get().uri("/api/v1/patients/{p}/sessions", patient).retrieve().body(JsonNode.class);
        assertThat(sessions).hasSize(1);
        assertThat(sessions.get(0).get("sessionId").asString()).isEqualTo(sessionId);
        assertThat(sessions.get(0).get("painAfter").asInt()).isEqualTo(4);
        JsonNode program = own.get().uri("/api/v1/patients/{p}/program", patient).retrieve().body(JsonNode.class);
        assertThat(program.get("stage").asString()).isEqualTo("DEEPER");
        assertThat(program.get("version").asLong()).isEqualTo(3);
        assertThat(program.has("key")).isFalse();
        // the moved session is found by its new key: logging it again is a retry or a correction, never a second one
        var again = own.post().uri("/api/v1/sessions").contentType(MediaType.APPLICATION_JSON).body("""
                {"sessionId":"%s","patientId":"%s","completedAt":"2026-11-20T07:31:00Z","painBefore":6,"painAfter":3}"""
                .formatted(sessionId, patient)).retrieve().toEntity(JsonNode.class);
        assertThat(again.getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(again.getStatusCode().value()).isNotEqualTo(201);
        assertThat(own.get().uri("/api/v1/patients/{p}/sessions", patient).retrieve().body(JsonNode.class)).hasSize(1);
        // another clinic sees none of it
        assertThat(TestHttp.client(port, TestIssuer.clinician("clinic-new-" + suffix)).get()
                .uri("/api/v1/patients/{p}/program", patient).retrieve().toEntity(JsonNode.class).getStatusCode().value())
                .isEqualTo(404);
    }
}
