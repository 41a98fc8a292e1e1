package org.backtrack.testsupport;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * W3C trace context for tests: a sampled {@code traceparent} as an upstream caller sends it, the trace id in one, and
 * the spans of one trace kept by an in-memory exporter (declare {@link #exporter()} as a bean; nothing leaves the JVM).
 */
public final class TraceContext {

    public static final String TRACEPARENT = "traceparent";

    private TraceContext() {
    }

    /** A fresh sampled trace: {@code 00-<32 hex trace id>-<16 hex span id>-01}. */
    public static String newTraceparent() {
        return "00-" + randomHex(16) + "-" + randomHex(8) + "-01";
    }

    public static String traceIdOf(String traceparent) {
        return traceparent.split("-")[1];
    }

    public static String spanIdOf(String traceparent) {
        return traceparent.split("-")[2];
    }

    public static InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }

    /** The finished spans of {@code traceId} the exporter has received so far. */
    public static List<SpanData> spansOf(InMemorySpanExporter exporter, String traceId) {
        return exporter.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros, which W3C reads as invalid
        return HexFormat.of().formatHex(random);
    }
}
