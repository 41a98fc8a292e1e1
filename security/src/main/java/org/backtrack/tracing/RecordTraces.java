package org.backtrack.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Restores each record's trace in a batch listener, which Spring Kafka's listener observation does not cover: a
 * consumer span per record, child of the trace context its producer put in the record's headers, open while the batch
 * is processed; and, while the batch is open, a send about the same key (the progress a session changed) runs under
 * that record's span, so the record it publishes carries the session's trace ({@link #underTraceOf}). Records without
 * trace headers (integrators' clients) get no span: nothing is measured for them.
 */
public final class RecordTraces {

    /** Makes a record's span current for one send; closing it restores what was current before. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private static final Scope NOTHING = () -> { };
    /** The open batch of this listener thread: key to the scope of the last record with that key. */
    private static final ThreadLocal<Function<Object, Scope>> OPEN_BATCH = new ThreadLocal<>();

    private final Tracer tracer;
    private final Propagator propagator;

    public RecordTraces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /**
     * Opens a consumer span named {@code "<topic> process"} for each record that carries trace context, for as long as
     * the returned batch is open (close it when the batch is processed, in the same thread).
     */
    public Batch open(List<? extends ConsumerRecord<?, ?>> records) {
        List<Span> spans = new ArrayList<>();
        Map<Object, Span> lastByKey = new HashMap<>();
        for (ConsumerRecord<?, ?> record : records) {
            if (!carriesTraceContext(record.headers())) {
                continue;
            }
            Span span = propagator.extract(record.headers(), RecordTraces::header)
                    .name(record.topic() + " process").kind(Span.Kind.CONSUMER)
                    .tag("messaging.system", "kafka")
                    .tag("messaging.destination.name", record.topic())
                    .tag("messaging.kafka.destination.partition", String.valueOf(record.partition()))
                    .tag("messaging.kafka.message.offset", String.valueOf(record.offset()))
                    .start();
            spans.add(span);
            if (record.key() != null) {
                lastByKey.put(record.key(), span);
            }
        }
        if (spans.isEmpty()) {
            return new Batch(List.of());
        }
        OPEN_BATCH.set(key -> {
            Span span = lastByKey.get(key);
            if (span == null) {
                return NOTHING;
            }
            Tracer.SpanInScope inScope = tracer.withSpan(span);
            return inScope::close;
        });
        return new Batch(spans);
    }

    /**
     * While a batch is open in this thread, puts the span of its last record with {@code key} in scope (a no-op
     * otherwise), so a send made under it joins that record's trace. Used by the shared send
     * ({@code org.backtrack.outbox.AcknowledgedSend}).
     */
    public static Scope underTraceOf(Object key) {
        Function<Object, Scope> batch = OPEN_BATCH.get();
        return batch == null || key == null ? NOTHING : batch.apply(key);
    }

    private boolean carriesTraceContext(Headers headers) {
        for (String field : propagator.fields()) {
            if (headers.lastHeader(field) != null) {
                return true;
            }
        }
        return false;
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The spans of one batch, ended together when it has been processed. */
    public static final class Batch implements AutoCloseable {

        private final List<Span> spans;

        private Batch(List<Span> spans) {
            this.spans = spans;
        }

        /** Marks every record's span as failed (the batch will be retried, or its failures dead-lettered). */
        public void failed(Throwable error) {
            spans.forEach(span -> span.error(error));
        }

        @Override
        public void close() {
            if (!spans.isEmpty()) {
                OPEN_BATCH.remove();
                spans.forEach(Span::end);
            }
        }
    }
}
