package org.backtrack.testsupport;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An HTTP client for API tests that hands back every response, errors included, so tests assert on them. */
public final class TestHttp {

    private TestHttp() {
    }

    public static RestClient client(int port) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
    }

    /** The same, sending {@code token} as the bearer on every request. */
    public static RestClient client(int port, String token) {
        return client(port).mutate().defaultHeader("Authorization", "Bearer " + token).build();
    }

    /** The status of the service's readiness probe: 200 ready, 503 not (e.g. a partition stalled). */
    public static int readiness(int port) {
        return client(port).get().uri("/actuator/health/readiness").retrieve().toBodilessEntity().getStatusCode().value();
    }

    /** The status {@code client} gets for {@code GET uri}, errors included. */
    public static int status(RestClient client, String uri, Object... uriVariables) {
        return client.get().uri(uri, uriVariables).retrieve().toBodilessEntity().getStatusCode().value();
    }

    /** The next page a list's {@code Link} header announces ({@code <uri>; rel="next"}), or null on its last page. */
    public static String nextLink(ResponseEntity<?> page) {
        String link = page.getHeaders().getFirst("Link");
        if (link == null) {
            return null;
        }
        assertThat(link).endsWith(">; rel=\"next\"");
        return link.substring(1, link.indexOf('>'));
    }

    /** Asserts that {@code response} is a problem document ({@code application/problem+json}) of this status. */
    public static <T> ResponseEntity<T> assertProblem(ResponseEntity<T> response, int status) {
        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        return response;
    }

    /** The fields the errors of a problem document of this status name, in order, once {@link #assertProblem} holds. */
    public static List<String> problemFields(ResponseEntity<JsonNode> response, int status) {
        return assertProblem(response, status).getBody().get("errors").findValues("field").stream().map(JsonNode::asString).toList();
    }
}
