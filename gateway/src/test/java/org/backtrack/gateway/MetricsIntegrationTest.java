package org.backtrack.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prometheus scrapes the gateway on its management port; the public port serves the endpoint to signed-in users only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetricsIntegrationTest {

    static final int MANAGEMENT_PORT = freePort();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void managementPort(DynamicPropertyRegistry registry) {
        registry.add("management.server.port", () -> MANAGEMENT_PORT);
    }

    @Test
    void prometheusScrapesTheManagementPortWithoutASignIn() throws Exception {
        // one request first, so the HTTP server metrics have a sample
        get(port, "/actuator/health");
        HttpResponse<String> scrape = get(MANAGEMENT_PORT, "/actuator/prometheus");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(scrape.body()).contains("# TYPE jvm_memory_used_bytes gauge", "application_ready_time_seconds");
        assertThat(get(MANAGEMENT_PORT, "/actuator/health/readiness").body()).contains("UP");
    }

    @Test
    void thePublicPortDoesNotServeMetricsToStrangers() throws Exception {
        assertThat(get(port, "/actuator/prometheus").statusCode()).isNotEqualTo(200);
    }

    static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
