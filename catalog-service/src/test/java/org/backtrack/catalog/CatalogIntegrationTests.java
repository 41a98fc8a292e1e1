package org.backtrack.catalog;

import org.backtrack.catalog.content.BuiltInContent;
import org.backtrack.testsupport.ClinicianApiTests;
import org.backtrack.testsupport.TestHttp;
import org.backtrack.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The exercise library served from MongoDB after the built-in content was loaded. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class CatalogIntegrationTests extends ClinicianApiTests {

    @Autowired
    BuiltInContent builtInContent;
    @Autowired
    tools.jackson.databind.json.JsonMapper json;
    @org.springframework.beans.factory.annotation.Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    CatalogIntegrationTests() {
        super("clinic-reader");
    }

    ResponseEntity<JsonNode> get(String uri) {
        return http.get().uri(uri).retrieve().toEntity(JsonNode.class);
    }

    @Test
    void listsTheWholeLibraryInStablePages() {
        JsonNode all = get("/api/v1/exercises?size=100").getBody();
        assertThat(all.get("totalItems").asInt()).isEqualTo(16);

        JsonNode first = get("/api/v1/exercises?size=5&page=0").getBody();
        JsonNode last = get("/api/v1/exercises?size=5&page=3").getBody();
        assertThat(first.get("totalPages").asInt()).isEqualTo(4);
        assertThat(first.get("items").get(0).get("id").asString()).isEqualTo(all.get("items").get(0).get("id").asString());
        assertThat(last.get("items")).hasSize(1);
    }

    @Test
    void filtersCombine() {
        JsonNode deeperHips = get("/api/v1/exercises?stage=DEEPER&region=HIPS").getBody();
        assertThat(deeperHips.get("items").findValues("id")).extracting(JsonNode::asString)
                .contains("pigeon-pose", "lizard-pose").doesNotContain("childs-pose", "wall-angels");

        JsonNode morningBasics = get("/api/v1/exercises?stage=basic&timeOfDay=MORNING&kind=DYNAMIC").getBody();
        assertThat(morningBasics.get("items").findValues("id")).extracting(JsonNode::asString).contains("cat-cow");
        assertThat(morningBasics.get("items").findValues("stage")).extracting(JsonNode::asString).containsOnly("BASIC");

        JsonNode roller = get("/api/v1/exercises?equipment=FOAM_ROLLER&q=thoracic").getBody();
        assertThat(roller.get("items").findValues("id")).extracting(JsonNode::asString)
                .containsExactly("thoracic-extension-foam-roller");
    }

    @Test
    void anExerciseHasItsDosageAndDerivedDuration() {
        JsonNode catCow = get("/api/v1/exercises/cat-cow").getBody();
        assertThat(catCow.get("estimatedSeconds").asInt()).isPositive();
        assertThat(catCow.get("steps").size()).isGreaterThanOrEqualTo(3);
        assertThat(get("/api/v1/exercises/no-such-stretch").getStatusCode().value()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource({
            "/api/v1/exercises?stage=ADVANCED, stage",
            "/api/v1/exercises?region=knees, region",
            "/api/v1/exercises?size=0, size",
            "/api/v1/exercises?size=10000, size",
            "/api/v1/exercises?page=-1, page",
            "/api/v1/exercises?page=abc, page",
    })
    void badParametersAreProblemDocumentsNamingTheField(String uri, String field) {
        assertThat(TestHttp.problemFields(get(uri), 400)).first().isEqualTo(field);
    }

    @Test
    void anOversizedSearchIsRejected() {
        assertThat(get("/api/v1/exercises?q=" + "x".repeat(101)).getStatusCode().value()).isEqualTo(400);
    }

    static final String DRAFT = """
            {"slug":"%s","name":"Supported Cat-Cow","stage":"BASIC","kind":"DYNAMIC","regions":["WHOLE_SPINE"],
             "equipment":["MAT"],"timeOfDay":["MORNING"],
             "dosage":{"holdSeconds":null,"reps":8,"sets":1,"perSide":false,"secondsPerRep":6,"restSeconds":0},
             "summary":"Cat-cow with forearms on a chair for sore wrists.",
             "steps":["Kneel facing a chair, forearms on the seat.","Round and arch the back slowly with the breath."],
             "cues":["Breathe out as you round."],"cautions":["Keep the movement small if it pinches."],
             "stopIf":["Sharp pain"],"contraindications":["KNEE_PROBLEMS"],"progressions":["pigeon-pose"],"regressions":[]}""";

    ResponseEntity<JsonNode> send(org.springframework.http.HttpMethod method, String uri, String clinic, String ifMatch, String body) {
        return sendWith(method, uri, TestIssuer.clinician(clinic), ifMatch, body);
    }

    ResponseEntity<JsonNode> sendWith(org.springframework.http.HttpMethod method, String uri, String token, String ifMatch, String body) {
        var request = http.method(method).uri(uri).headers(h -> h.setBearerAuth(token));
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }

    ResponseEntity<JsonNode> getAs(String uri, String clinic) {
        return send(org.springframework.http.HttpMethod.GET, uri, clinic, null, null);
    }

    @Test
    void aClinicExerciseIsVisibleToItsClinicOnlyAndFollowsItsVersions() {
        String clinic = "clinic-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        var created = send(org.springframework.http.HttpMethod.POST, "/api/v1/exercises", clinic, null, DRAFT.formatted("supported-cat-cow"));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String id = clinic + ".supported-cat-cow";
        assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/exercises/" + id);
        assertThat(created.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(created.getBody().get("estimatedSeconds").asInt()).isEqualTo(48);

        assertThat(getAs("/api/v1/exercises?size=100", clinic).getBody().get("totalItems").asInt()).isEqualTo(17);
        assertThat(getAs("/api/v1/exercises?size=100", "another-clinic").getBody().get("totalItems").asInt()).isEqualTo(16);
        assertThat(getAs("/api/v1/exercises?size=100", null).getBody().get("totalItems").asInt()).isEqualTo(16);
        assertThat(getAs("/api/v1/exercises/" + id, "another-clinic").getStatusCode().value()).isEqualTo(404);
        assertThat(getAs("/api/v1/exercises?q=forearms", clinic).getBody().get("items").findValues("id"))
                .extracting(JsonNode::asString).containsExactly(id);

        String edited = DRAFT.formatted("ignored").replace("Supported Cat-Cow", "Chair Cat-Cow");
        var put = org.springframework.http.HttpMethod.PUT;
        assertThat(send(put, "/api/v1/exercises/" + id, clinic, null, edited).getStatusCode().value()).isEqualTo(428);
        assertThat(send(put, "/api/v1/exercises/" + id, clinic, "\"7\"", edited).getStatusCode().value()).isEqualTo(412);
        assertThat(send(put, "/api/v1/exercises/" + id, "another-clinic", "\"1\"", edited).getStatusCode().value()).isEqualTo(404);
        var updated = send(put, "/api/v1/exercises/" + id, clinic, "\"1\"", edited);
        assertThat(updated.getStatusCode().value()).isEqualTo(200);
        assertThat(updated.getHeaders().getETag()).isEqualTo("\"2\"");
        assertThat(updated.getBody().get("name").asString()).isEqualTo("Chair Cat-Cow");
        assertThat(send(put, "/api/v1/exercises/" + id, clinic, "\"1\"", edited).getStatusCode().value()).isEqualTo(412);

        var delete = org.springframework.http.HttpMethod.DELETE;
        assertThat(send(delete, "/api/v1/exercises/" + id, clinic, null, null).getStatusCode().value()).isEqualTo(428);
        assertThat(send(delete, "/api/v1/exercises/" + id, clinic, "\"2\"", null).getStatusCode().value()).isEqualTo(204);
        assertThat(getAs("/api/v1/exercises?size=100", clinic).getBody().get("totalItems").asInt()).isEqualTo(16);
        assertThat(getAs("/api/v1/exercises/" + id, clinic).getBody().get("retired").asBoolean()).isTrue();
        assertThat(send(put, "/api/v1/exercises/" + id, clinic, "\"3\"", edited).getStatusCode().value()).isEqualTo(409);

        try (var kafka = new org.backtrack.testsupport.KafkaTestClient(bootstrapServers)) {
            var events = kafka.readUntil(org.backtrack.events.Topics.CATALOG,
                    r -> id.equals(r.key()) && r.value().contains("exercise-retired"), java.time.Duration.ofSeconds(30))
                    .stream().filter(r -> id.equals(r.key())).toList();
            assertThat(events).extracting(r -> r.value().contains("exercise-retired") ? "retired" : "upserted")
                    .containsExactly("upserted", "upserted", "retired");
            assertThat(events.get(1).value()).contains("\"name\":\"Chair Cat-Cow\"", "\"version\":2")
                    .doesNotContain("eventPending", "publication", "changedAt", "eventId");
            // an outside consumer using the official CloudEvents SDK reads them as structured mode
            var read = kafka.readWithCloudEventsSdk(org.backtrack.events.Topics.CATALOG, id, 3, java.time.Duration.ofSeconds(30));
            assertThat(read).extracting(io.cloudevents.CloudEvent::getType).containsExactly(
                    org.backtrack.events.CatalogEventTypes.UPSERTED, org.backtrack.events.CatalogEventTypes.UPSERTED,
                    org.backtrack.events.CatalogEventTypes.RETIRED);
            assertThat(read).extracting(e -> e.getSubject()).containsOnly(id);
            // the producer's side of the contract: the consumers' codec reads every event as catalog-service wrote it
            var codec = new org.backtrack.events.CatalogEventCodec(json);
            var decoded = events.stream().map(r -> codec.decode(r.value().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .orElseThrow().data()).toList();
            assertThat(decoded).extracting(e -> e.id() + "@" + e.version() + (e.retired() ? " retired" : ""))
                    .containsExactly(id + "@1", id + "@2", id + "@3 retired");
            assertThat(decoded.get(1).name()).isEqualTo("Chair Cat-Cow");
            assertThat(decoded.get(1).clinicId()).isEqualTo(clinic);
        }
    }

    @Test
    void builtInContentCannotBeChangedThroughTheApi() {
        var put = send(org.springframework.http.HttpMethod.PUT, "/api/v1/exercises/cat-cow", "clinic-x", "\"1\"", DRAFT.formatted("cat-cow"));
        TestHttp.assertProblem(put, 403);
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvFileSource(resources = "/org/backtrack/catalog/rejected-exercise-drafts.csv", delimiter = '|', quoteCharacter = '\'')
    void badExercisesAreProblemDocumentsNamingTheField(String from, String to, String field) {
        var response = send(org.springframework.http.HttpMethod.POST, "/api/v1/exercises", "clinic-bad", null,
                DRAFT.formatted("bad-" + Math.abs(field.hashCode())).replace(from, to));
        assertThat(TestHttp.problemFields(response, 400)).contains(field);
    }

    @Test
    void anOversizedNameAndADuplicateSlugAreRejected() {
        String longName = DRAFT.formatted("long-name").replace("Supported Cat-Cow", "x".repeat(101));
        assertThat(send(org.springframework.http.HttpMethod.POST, "/api/v1/exercises", "clinic-dup", null, longName)
                .getStatusCode().value()).isEqualTo(400);
        assertThat(send(org.springframework.http.HttpMethod.POST, "/api/v1/exercises", "clinic-dup", null, DRAFT.formatted("same"))
                .getStatusCode().value()).isEqualTo(201);
        var duplicate = send(org.springframework.http.HttpMethod.POST, "/api/v1/exercises", "clinic-dup", null, DRAFT.formatted("same"));
        assertThat(duplicate.getStatusCode().value()).isEqualTo(409);
        var byPatient = sendWith(org.springframework.http.HttpMethod.POST, "/api/v1/exercises",
                TestIssuer.patient("clinic-dup", "patient-1"), null, DRAFT.formatted("by-patient"));
        TestHttp.assertProblem(byPatient, 403);
    }

    @Test
    void onlyPlatformAdministratorsWriteBuiltInContent() {
        var post = org.springframework.http.HttpMethod.POST;
        var put = org.springframework.http.HttpMethod.PUT;
        var delete = org.springframework.http.HttpMethod.DELETE;
        String admin = TestIssuer.platformAdmin();
        var created = sendWith(post, "/api/v1/exercises", admin, null, DRAFT.formatted("platform-chair-cat-cow"));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getBody().get("id").asString()).isEqualTo("platform-chair-cat-cow");
        assertThat(created.getBody().get("clinicId").isNull()).isTrue();
        // every clinic sees it; no clinic may change it
        assertThat(getAs("/api/v1/exercises/platform-chair-cat-cow", "clinic-elsewhere").getStatusCode().value()).isEqualTo(200);
        assertThat(send(put, "/api/v1/exercises/platform-chair-cat-cow", "clinic-elsewhere", "\"1\"",
                DRAFT.formatted("platform-chair-cat-cow")).getStatusCode().value()).isEqualTo(403);
        var edited = sendWith(put, "/api/v1/exercises/platform-chair-cat-cow", admin, "\"1\"",
                DRAFT.formatted("platform-chair-cat-cow").replace("Supported Cat-Cow", "Chair Cat-Cow"));
        assertThat(edited.getStatusCode().value()).isEqualTo(200);
        // and an administrator cannot reach into a clinic's own exercises
        var clinicOwn = send(post, "/api/v1/exercises", "clinic-own", null, DRAFT.formatted("own"));
        assertThat(sendWith(put, "/api/v1/exercises/" + clinicOwn.getBody().get("id").asString(), admin, "\"1\"",
                DRAFT.formatted("own")).getStatusCode().value()).isEqualTo(404);
        assertThat(sendWith(delete, "/api/v1/exercises/platform-chair-cat-cow", admin, "\"2\"", null)
                .getStatusCode().value()).isEqualTo(204);
    }

    @Test
    void requestsWithoutAValidTokenAreUnauthorized() {
        var anonymous = TestHttp.client(port).get().uri("/api/v1/exercises").retrieve().toEntity(JsonNode.class);
        TestHttp.assertProblem(anonymous, 401);
        assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
        TestIssuer issuer = TestIssuer.get();
        for (String bad : java.util.List.of(issuer.expired("clinic-x"), issuer.wronglySigned("clinic-x"),
                issuer.forAudience("clinic-x", "some-other-api"), issuer.fromIssuer("clinic-x", "http://evil.example"), "not-a-jwt")) {
            var response = sendWith(org.springframework.http.HttpMethod.GET, "/api/v1/exercises", bad, null, null);
            assertThat(response.getStatusCode().value()).as(bad).isEqualTo(401);
            assertThat(response.getBody().toString()).doesNotContain("Exception", "at org.");
        }
    }

    @Test
    void oversizedAndDeeplyNestedBodiesAreRefusedBeforeParsing() {
        var post = org.springframework.http.HttpMethod.POST;
        String huge = DRAFT.formatted("huge").replace("Sharp pain", "x".repeat(70_000));
        assertThat(send(post, "/api/v1/exercises", "clinic-limits", null, huge).getStatusCode().value()).isEqualTo(413);
        String deep = "[".repeat(200) + "]".repeat(200);
        var nested = send(post, "/api/v1/exercises", "clinic-limits", null, DRAFT.formatted("deep").replace("\"cues\":[", "\"cues\":[" + deep + ","));
        assertThat(nested.getStatusCode().value()).isEqualTo(400);
        assertThat(nested.getBody().toString()).doesNotContain("at tools.");
    }

    @Test
    void progressionsLeadToHarderStagesAndRegressionsBack() {
        JsonNode catCow = get("/api/v1/exercises/cat-cow/progressions").getBody();
        assertThat(catCow.get("progressions").findValues("stage")).isNotEmpty().extracting(JsonNode::asString).containsOnly("DEEPER");
        JsonNode pigeon = get("/api/v1/exercises/pigeon-pose/progressions").getBody();
        assertThat(pigeon.get("regressions").findValues("stage")).extracting(JsonNode::asString).containsOnly("BASIC");
    }

    @Test
    void sortingByNameIsStableAndUnknownSortsAreRejected() {
        JsonNode byName = get("/api/v1/exercises?sort=name&size=100").getBody();
        var names = byName.get("items").findValues("name").stream().map(JsonNode::asString).toList();
        assertThat(names).isSorted();
        assertThat(get("/api/v1/exercises?sort=popularity").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void theOpenApiDocumentDescribesEveryOperationWithAnExample() {
        String api = http.get().uri("/v3/api-docs").retrieve().body(String.class);
        assertThat(api).contains("/api/v1/exercises", "/api/v1/exercises/{id}", "/api/v1/exercises/{id}/progressions",
                "\"post\"", "\"put\"", "\"delete\"", "Supported Cat-Cow", "If-Match", "x-backtrack-roles", "bearer-jwt")
                .doesNotContain("\"caller\"");
    }

    @Test
    void readsCarryAnETag() {
        assertThat(get("/api/v1/exercises/cat-cow").getHeaders().getETag()).matches("\"\\d+\"");
    }

    @Test
    void loadingTheContentAgainChangesNothing() throws Exception {
        builtInContent.run(null);
        assertThat(get("/api/v1/exercises?size=100").getBody().get("totalItems").asInt()).isEqualTo(16);
    }
}
