package org.backtrack.progress;

import org.backtrack.events.Topics;
import org.backtrack.testsupport.FreeManagementPort;
import org.backtrack.testsupport.Infrastructure;
import org.backtrack.testsupport.KafkaTestClient;
import org.backtrack.testsupport.PlainHttp;
import org.backtrack.testsupport.RunsOn;
import org.backtrack.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Prometheus scrapes progress-service on its management port, as the Kubernetes manifests run it: JVM and HTTP
 * metrics, the session consumer's lag, dead letters by outcome and stalled partitions. On the service's own port the
 * endpoint is not served. The domain metrics the committed dashboard and alert rules use are among them
 * ({@code deploy/observability}, checked against this list by {@code ObservabilityFilesTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "backtrack.metrics.refresh=500ms")
@ContextConfiguration(initializers = FreeManagementPort.class)
@RunsOn(Infrastructure.EMBEDDED)
class MetricsIntegrationTest {

    @LocalServerPort
    int port;
    @Value("${management.server.port}")
    int managementPort;
    @Autowired
    KafkaTestClient kafka;

    @Test
    void prometheusReadsConsumerLagAndDeadLettersOnTheManagementPort() throws Exception {
        kafka.send(Topics.SESSIONS, "patient-metrics", "not an event"); // dead-lettered at once
        kafka.send(Topics.SESSIONS, "patient-metrics", """
                {"specversion":"1.0","id":"e-metrics","source":"/test","type":"backtrack.session.completed.v1",
                 "subject":"patient-metrics","time":"2026-11-20T07:31:00Z","datacontenttype":"application/json",
                 "data":{"sessionId":"s-metrics","clinicId":"clinic-metrics","patientId":"patient-metrics",
                         "completedAt":"2026-11-20T07:31:00Z","painBefore":6,"painAfter":4}}""");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> scrape = PlainHttp.get(managementPort, "/actuator/prometheus", null);
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).contains("jvm_memory_used_bytes", "kafka_consumer_fetch_manager_records_lag_max",
                    "backtrack_dead_letters_stalled_partitions", "backtrack_dead_letters_total{");
            assertThat(scrape.body()).contains("reason=\"InvalidEventException\"", "backtrack_sessions_ingested_total 1.0",
                    "backtrack_outbox_owed{events=\"alert\"}",
                    "backtrack_patients{clinic=\"clinic-metrics\",status=\"INSUFFICIENT_DATA\"} 1.0");
        });
        assertThat(PlainHttp.get(managementPort, "/actuator/health/readiness", null).body()).contains("UP");
    }

    @Test
    void theServicePortDoesNotServeMetrics() throws Exception {
        assertThat(PlainHttp.get(port, "/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(PlainHttp.get(port, "/actuator/prometheus", TestIssuer.clinician("clinic-it")).statusCode()).isEqualTo(404);
    }
}
