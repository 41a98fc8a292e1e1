package org.backtrack.catalog.exercises;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The exercise library served from MongoDB after the built-in content was loaded. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class CatalogIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    BuiltInContent builtInContent;

    RestClient http;

    @BeforeEach
    void setUp() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
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
        ResponseEntity<JsonNode> response = get(uri);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    @Test
    void anOversizedSearchIsRejected() {
        assertThat(get("/api/v1/exercises?q=" + "x".repeat(101)).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void loadingTheContentAgainChangesNothing() throws Exception {
        builtInContent.run(null);
        assertThat(get("/api/v1/exercises?size=100").getBody().get("totalItems").asInt()).isEqualTo(16);
    }
}
