package org.backtrack.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session's trace starts at the gateway (or continues a caller's W3C trace context) and reaches routine-service in
 * the {@code traceparent} header of the proxied request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.tracing.sampling.probability=1.0")
class TracePropagationIntegrationTest {

    static final String TRACEPARENT = "traceparent";
    static final BlockingQueue<String> RECEIVED = new LinkedBlockingQueue<>();
    static final UpstreamStub ROUTINE = routine();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("backtrack.services.routine-url", ROUTINE::url);
    }

    @AfterAll
    static void stop() {
        ROUTINE.close();
    }

    String postSession(String traceparent) throws InterruptedException {
        RECEIVED.clear();
        var request = RestClient.create("http://localhost:" + port).post().uri("/api/v1/sessions")
                .header("Authorization", "Bearer token").header("Content-Type", "application/json").body("{}");
        if (traceparent != null) {
            request = request.header(TRACEPARENT, traceparent);
        }
        request.retrieve().toBodilessEntity();
        String forwarded = RECEIVED.poll(10, TimeUnit.SECONDS);
        assertThat(forwarded).as("traceparent routine-service received").isNotNull().isNotEqualTo("none");
        return forwarded;
    }

    @Test
    void aCallersTraceContinuesIntoRoutineService() throws InterruptedException {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00f067aa0ba902b7";
        String forwarded = postSession("00-" + traceId + "-" + callerSpan + "-01");
        String[] parts = forwarded.split("-");
        assertThat(parts[1]).isEqualTo(traceId);
        assertThat(parts[2]).as("the gateway's own span").isNotEqualTo(callerSpan);
        assertThat(parts[3]).isEqualTo("01");
    }

    @Test
    void aRequestWithoutTraceContextStartsATraceAtTheGateway() throws InterruptedException {
        String first = postSession(null);
        String second = postSession(null);
        assertThat(first).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        assertThat(first.split("-")[1]).isNotEqualTo(second.split("-")[1]);
    }

    private static UpstreamStub routine() {
        return new UpstreamStub(exchange -> {
            String traceparent = exchange.getRequestHeaders().getFirst(TRACEPARENT);
            RECEIVED.add(traceparent == null ? "none" : traceparent);
            return new UpstreamStub.Answer(201, null, null);
        });
    }
}
