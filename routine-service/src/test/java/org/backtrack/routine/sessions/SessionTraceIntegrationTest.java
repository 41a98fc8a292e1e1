package org.backtrack.routine.sessions;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.backtrack.events.Topics;
import org.backtrack.testsupport.Infrastructure;
import org.backtrack.testsupport.KafkaTestClient;
import org.backtrack.testsupport.RunsOn;
import org.backtrack.testsupport.TestHttp;
import org.backtrack.testsupport.TestIssuer;
import org.backtrack.testsupport.KeepsSpans;
import org.backtrack.testsupport.TraceContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.backtrack.testsupport.TestDefaults.WAIT;

/**
 * A session logged with the gateway's trace context ({@code traceparent}) is handled in that trace, and the record it
 * publishes on {@code backtrack.sessions} carries the trace onwards to progress-service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@KeepsSpans
@RunsOn(Infrastructure.EMBEDDED)
class SessionTraceIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    InMemorySpanExporter spans;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Autowired
    KafkaTestClient kafka;
    /** A patient of this test's own. */
    final String patientId = "patient-" + UUID.randomUUID();

    @Test
    void theSessionsRecordCarriesTheTraceOfThePost() {
        String upstream = TraceContext.newTraceparent();
        String traceId = TraceContext.traceIdOf(upstream);
        var response = TestHttp.client(port, TestIssuer.clinician("clinic-it")).post().uri("/api/v1/sessions")
                .header(TraceContext.TRACEPARENT, upstream).contentType(MediaType.APPLICATION_JSON)
                .body(SessionLoggingIntegrationTests.session("clinic-it", patientId, patientId + "-s1", 6, 4))
                .retrieve().toBodilessEntity();
        assertThat(response.getStatusCode().value()).isEqualTo(201);

        var record = kafka.readUntil(Topics.SESSIONS, r -> patientId.equals(r.key()), WAIT).stream()
                .filter(r -> patientId.equals(r.key())).findFirst().orElseThrow();
        String published = record.headers().get(TraceContext.TRACEPARENT);
        assertThat(published).as("the sessions record's trace context").isNotNull();
        assertThat(TraceContext.traceIdOf(published)).isEqualTo(traceId);

        await().atMost(WAIT).untilAsserted(() -> {
            List<SpanData> trace = TraceContext.spansOf(spans, traceId);
            SpanData request = trace.stream().filter(s -> s.getKind() == SpanKind.SERVER)
                    .findFirst().orElseThrow(() -> new AssertionError("no request span in " + trace));
            assertThat(request.getParentSpanId()).isEqualTo(TraceContext.spanIdOf(upstream));
            SpanData send = trace.stream().filter(s -> s.getKind() == SpanKind.PRODUCER)
                    .filter(s -> s.getName().startsWith(Topics.SESSIONS))
                    .findFirst().orElseThrow(() -> new AssertionError("no send span in " + trace));
            assertThat(TraceContext.spanIdOf(published)).isEqualTo(send.getSpanId());
        });
        // the domain metrics of logging (the dashboard's "sessions logged" and "events owed")
        assertThat(meters.get(SessionEvents.LOGGED_COUNTER).tag("publication", "published").counter().count()).isGreaterThanOrEqualTo(1);
        // registered and readable (its value counts every test's sessions in the shared store, so no exact figure)
        assertThat(meters.get(org.backtrack.outbox.Outbox.OWED_GAUGE).tag("events", "session").gauge().value()).isNotNaN();
    }
}
