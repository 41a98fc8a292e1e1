package org.backtrack.tracing;

import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each traced record of a batch gets its own span in its producer's trace, and sends about its key join it. */
class RecordTracesTest {

    static final String TRACE_A = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String TRACE_B = "0af7651916cd43dd8448eb211c80319c";

    final InMemorySpanExporter exported = InMemorySpanExporter.create();
    final SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
    final io.opentelemetry.api.trace.Tracer otel = provider.get("test");
    final OtelTracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> { });
    final RecordTraces traces = new RecordTraces(tracer,
            new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel));

    @AfterEach
    void close() {
        provider.close();
    }

    static ConsumerRecord<String, byte[]> record(String key, long offset, String traceId, String spanId) {
        var record = new ConsumerRecord<>("backtrack.sessions", 2, offset, key, new byte[0]);
        if (traceId != null) {
            record.headers().add("traceparent", ("00-" + traceId + "-" + spanId + "-01").getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    @Test
    void eachTracedRecordIsProcessedInAChildSpanOfItsProducer() {
        try (var batch = traces.open(List.of(record("p-1", 10, TRACE_A, "00f067aa0ba902b7"),
                record("p-2", 11, TRACE_B, "b7ad6b7169203331")))) {
            assertThat(exported.getFinishedSpanItems()).as("open while the batch is applied").isEmpty();
        }
        List<SpanData> spans = exported.getFinishedSpanItems();
        assertThat(spans).extracting(SpanData::getTraceId).containsExactly(TRACE_A, TRACE_B);
        assertThat(spans).extracting(SpanData::getParentSpanId).containsExactly("00f067aa0ba902b7", "b7ad6b7169203331");
        assertThat(spans).extracting(SpanData::getName).containsOnly("backtrack.sessions process");
        assertThat(spans).extracting(SpanData::getKind).containsOnly(SpanKind.CONSUMER);
        assertThat(spans.get(0).getAttributes().asMap().toString()).contains("messaging.kafka.message.offset=10");
    }

    @Test
    void aSendAboutAKeyRunsInTheSpanOfItsLastRecordInTheBatch() {
        try (var batch = traces.open(List.of(record("p-1", 1, TRACE_A, "00f067aa0ba902b7"),
                record("p-2", 2, null, null), record("p-1", 3, TRACE_B, "b7ad6b7169203331")))) {
            try (var send = RecordTraces.underTraceOf("p-1")) {
                assertThat(tracer.currentSpan().context().traceId()).isEqualTo(TRACE_B);
            }
            assertThat(tracer.currentSpan()).as("restored after the send").isNull();
            try (var send = RecordTraces.underTraceOf("p-2")) {
                assertThat(tracer.currentSpan()).as("an untraced record's key").isNull();
            }
            try (var send = RecordTraces.underTraceOf("p-unknown")) {
                assertThat(tracer.currentSpan()).isNull();
            }
        }
        assertThat(exported.getFinishedSpanItems()).as("the untraced record has no span").hasSize(2);
    }

    @Test
    void outsideABatchASendKeepsWhateverIsCurrent() {
        try (var batch = traces.open(List.of(record("p-1", 1, TRACE_A, "00f067aa0ba902b7")))) {
            assertThat(batch).isNotNull();
        }
        try (var send = RecordTraces.underTraceOf("p-1")) {
            assertThat(tracer.currentSpan()).as("the batch was closed").isNull();
        }
        try (var untraced = traces.open(List.of(record("p-1", 1, null, null)));
             var send = RecordTraces.underTraceOf("p-1")) {
            assertThat(tracer.currentSpan()).isNull();
        }
        assertThat(exported.getFinishedSpanItems()).hasSize(1);
    }

    @Test
    void aFailedBatchMarksItsSpansAsErrors() {
        try (var batch = traces.open(List.of(record("p-1", 1, TRACE_A, "00f067aa0ba902b7")))) {
            batch.failed(new IllegalStateException("MongoDB away"));
        }
        assertThat(exported.getFinishedSpanItems().get(0).getStatus().getStatusCode())
                .isEqualTo(io.opentelemetry.api.trace.StatusCode.ERROR);
    }
}
