package org.backtrack.gateway;

import org.backtrack.testsupport.PlainHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prometheus scrapes the gateway on its management port; the public port serves the endpoint to signed-in users only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetricsIntegrationTest {

    static final int MANAGEMENT_PORT = PlainHttp.freePort();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void managementPort(DynamicPropertyRegistry registry) {
        registry.add("management.server.port", () -> MANAGEMENT_PORT);
    }

    @Test
    void prometheusScrapesTheManagementPortWithoutASignIn() throws Exception {
        // one request first, so the HTTP server metrics have a sample
        PlainHttp.get(port, "/actuator/health", null);
        HttpResponse<String> scrape = PlainHttp.get(MANAGEMENT_PORT, "/actuator/prometheus", null);

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(scrape.body()).contains("# TYPE jvm_memory_used_bytes gauge", "application_ready_time_seconds");
        assertThat(PlainHttp.get(MANAGEMENT_PORT, "/actuator/health/readiness", null).body()).contains("UP");
    }

    @Test
    void thePublicPortDoesNotServeMetricsToStrangers() throws Exception {
        assertThat(PlainHttp.get(port, "/actuator/prometheus", null).statusCode()).isNotEqualTo(200);
    }
}
