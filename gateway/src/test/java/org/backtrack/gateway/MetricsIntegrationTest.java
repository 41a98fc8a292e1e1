package org.backtrack.gateway;

import org.backtrack.testsupport.FreeManagementPort;
import org.backtrack.testsupport.PlainHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prometheus scrapes the gateway on its management port; the public port serves the endpoint to signed-in users only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreeManagementPort.class)
class MetricsIntegrationTest {

    @LocalServerPort
    int port;
    @Value("${management.server.port}")
    int managementPort;

    @Test
    void prometheusScrapesTheManagementPortWithoutASignIn() throws Exception {
        // one request first, so the HTTP server metrics have a sample
        PlainHttp.get(port, "/actuator/health", null);
        HttpResponse<String> scrape = PlainHttp.get(managementPort, "/actuator/prometheus", null);

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(scrape.body()).contains("# TYPE jvm_memory_used_bytes gauge", "application_ready_time_seconds");
        assertThat(PlainHttp.get(managementPort, "/actuator/health/readiness", null).body()).contains("UP");
    }

    @Test
    void thePublicPortDoesNotServeMetricsToStrangers() throws Exception {
        assertThat(PlainHttp.get(port, "/actuator/prometheus", null).statusCode()).isNotEqualTo(200);
    }
}
