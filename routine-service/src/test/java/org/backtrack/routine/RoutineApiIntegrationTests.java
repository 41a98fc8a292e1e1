package org.backtrack.routine;

import org.backtrack.testsupport.TestHttp;
import org.backtrack.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routine API's own answers: validation and what happens while the catalog has never been reachable. Composing
 * from the live catalog and from the local copy after stopping catalog-service is in the devstack system test,
 * which runs the real catalog-service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"backtrack.catalog.url=http://127.0.0.1:1", "backtrack.catalog.timeout=2s"})
abstract class RoutineApiIntegrationTests {

    @LocalServerPort
    int port;
    RestClient http;

    @BeforeEach
    void setUp() {
        http = TestHttp.client(port, TestIssuer.clinician("c1"));
    }

    ResponseEntity<JsonNode> compose(String body) {
        return http.post().uri("/api/v1/routines").contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"patientId\":\"p1\",\"clinicId\":\"c1\",\"minutes\":60}|minutes",
            "{\"patientId\":\"p1\",\"clinicId\":\"c1\",\"minutes\":4}|minutes",
            "{\"patientId\":\"p1\",\"clinicId\":\"c1\",\"minutes\":10,\"timeOfDay\":\"NOON\"}|timeOfDay",
            "{\"patientId\":\"p1\",\"clinicId\":\"c1\",\"minutes\":10,\"stage\":\"EXPERT\"}|stage",
            "{\"clinicId\":\"c1\",\"minutes\":10}|patientId",
            "{\"patientId\":\"p 1\",\"clinicId\":\"c1\",\"minutes\":10}|patientId",
            "{\"patientId\":\"p1\",\"clinicId\":\"c2\",\"minutes\":10}|clinicId",
    })
    void badRequestsNameTheField(String body, String field) {
        ResponseEntity<JsonNode> response = compose(body);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("errors").findValues("field")).extracting(JsonNode::asString).contains(field);
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
}
