package org.backtrack.testsupport;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

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
}
