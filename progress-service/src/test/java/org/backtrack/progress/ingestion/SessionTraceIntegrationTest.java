package org.backtrack.progress.ingestion;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.backtrack.events.Topics;
import org.backtrack.testsupport.Infrastructure;
import org.backtrack.testsupport.KafkaTestClient;
import org.backtrack.testsupport.KeepsSpans;
import org.backtrack.testsupport.RunsOn;
import org.backtrack.testsupport.TraceContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.backtrack.testsupport.TestDefaults.WAIT;

/**
 * A session record carrying its producer's trace context (as routine-service sends it) is processed in that trace by
 * the batch listener, and the progress record it causes carries the same trace onwards. The contexts of earlier test
 * classes, cached and sharing the broker and the consumer group, may process the record instead of this one (each runs
 * the same tracing), so the record headers are checked always and this context's spans when it processed the record.
 */
@SpringBootTest
@KeepsSpans
@RunsOn(Infrastructure.EMBEDDED)
class SessionTraceIntegrationTest {

    @Autowired
    InMemorySpanExporter spans;

    @Autowired
    KafkaTestClient kafka;
    /** A patient of this test's own. */
    final String patientId = "patient-" + UUID.randomUUID();

    String event(String eventId) {
        return """
                {"specversion":"1.0","id":"%s","source":"/test","type":"backtrack.session.completed.v1",
                 "subject":"%s","time":"2026-11-20T07:31:00Z","datacontenttype":"application/json",
                 "data":{"sessionId":"%s","clinicId":"clinic-it","patientId":"%s",
                         "completedAt":"2026-11-20T07:31:00Z","painBefore":6,"painAfter":4}}"""
                .formatted(eventId, patientId, patientId + "-s-1", patientId);
    }

    @Test
    void theProgressASessionCausesIsPublishedInTheSessionsTrace() {
        String upstream = TraceContext.newTraceparent();
        String traceId = TraceContext.traceIdOf(upstream);
        // another patient's untraced record in the same stream: it must not borrow this trace
        String untraced = "patient-" + UUID.randomUUID();
        kafka.send(Topics.SESSIONS, untraced, event("e-untraced").replace(patientId, untraced));
        kafka.send(Topics.SESSIONS, patientId, event("e-" + UUID.randomUUID()), Map.of(TraceContext.TRACEPARENT, upstream));

        var progress = kafka.readUntil(Topics.PROGRESS, r -> patientId.equals(r.key()), WAIT).stream()
                .filter(r -> patientId.equals(r.key())).findFirst().orElseThrow();
        String published = progress.headers().get(TraceContext.TRACEPARENT);
        assertThat(published).as("the progress record's trace context").isNotNull();
        assertThat(TraceContext.traceIdOf(published)).isEqualTo(traceId);

        assertThat(TraceContext.spanIdOf(published)).as("a span of progress-service's, not the producer's")
                .isNotEqualTo(TraceContext.spanIdOf(upstream));

        // this context's spans, when it was the one that processed the record (export runs every 100 ms)
        await().pollDelay(Duration.ofMillis(500)).atMost(WAIT).untilAsserted(() -> {
            List<SpanData> trace = TraceContext.spansOf(spans, traceId);
            trace.stream().filter(s -> s.getName().equals(Topics.SESSIONS + " process")).forEach(processing -> {
                assertThat(processing.getKind()).isEqualTo(SpanKind.CONSUMER);
                assertThat(processing.getParentSpanId()).isEqualTo(TraceContext.spanIdOf(upstream));
                trace.stream().filter(s -> s.getKind() == SpanKind.PRODUCER).filter(s -> s.getName().startsWith(Topics.PROGRESS))
                        .forEach(publication -> assertThat(publication.getParentSpanId()).isEqualTo(processing.getSpanId()));
            });
        });
        var untracedProgress = kafka.readUntil(Topics.PROGRESS, r -> untraced.equals(r.key()), WAIT).stream()
                .filter(r -> untraced.equals(r.key())).findFirst().orElseThrow();
        String other = untracedProgress.headers().get(TraceContext.TRACEPARENT);
        if (other != null) {
            assertThat(TraceContext.traceIdOf(other)).isNotEqualTo(traceId);
        }
    }
}
