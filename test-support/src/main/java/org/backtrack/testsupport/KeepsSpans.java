package org.backtrack.testsupport;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Spring test whose service samples every trace and keeps the spans in memory, exported every 100 ms: autowire the
 * {@link InMemorySpanExporter} and read a trace with {@link TraceContext#spansOf}. Nothing leaves the JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(KeepsSpans.Spans.class)
@TestPropertySource(properties = {
        "management.tracing.sampling.probability=1.0",
        "management.opentelemetry.tracing.export.schedule-delay=100ms"})
public @interface KeepsSpans {

    @Configuration(proxyBeanMethods = false)
    class Spans {
        @Bean
        InMemorySpanExporter inMemorySpans() {
            return TraceContext.exporter();
        }
    }
}
