package org.backtrack.devstack;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo seeder against a real HTTP server answering as the gateway can: accepted, throttled, starting, refused. */
class DemoSeederTest {

    record Answer(int status, String retryAfter) {
    }

    HttpServer server;
    final Deque<Answer> answers = new ArrayDeque<>();
    final AtomicInteger requests = new AtomicInteger();
    final HttpClient http = HttpClient.newHttpClient();

    URI serve(List<Answer> script) throws Exception {
        answers.addAll(script);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/sessions", exchange -> {
            requests.incrementAndGet();
            Answer answer = answers.size() > 1 ? answers.poll() : answers.peek();
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/sessions");
    }

    /** Seeds one session against a sessions endpoint giving these answers in turn (the last one from then on). */
    void seed(Answer... script) throws Exception {
        DemoSeeder.post(http, serve(List.of(script)), "Bearer t", "{}");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    static Stream<Arguments> answersThatSeed() {
        return Stream.of(
                Arguments.of("a session stored with its event owed counts as seeded", List.of(new Answer(202, null)), 1),
                Arguments.of("a service still starting is waited for",
                        List.of(new Answer(503, null), new Answer(502, null), new Answer(200, null)), 3),
                Arguments.of("a session an earlier interrupted seeding stored is not an error", List.of(new Answer(409, null)), 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answersThatSeed")
    void seedsAfterTheseAnswers(String name, List<Answer> script, int expectedRequests) throws Exception {
        seed(script.toArray(Answer[]::new));

        assertThat(requests).hasValue(expectedRequests);
    }

    @Test
    void aThrottledSessionIsSentAgainAfterRetryAfter() throws Exception {
        long started = System.nanoTime();
        seed(new Answer(429, "1"), new Answer(429, "1"), new Answer(201, null));

        assertThat(requests).hasValue(3);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(2_000);
    }


    @Test
    void aRefusalRetryingCannotFixFailsAtOnceNamingTheStatus() throws Exception {
        assertThatThrownBy(() -> seed(new Answer(400, null)))
                .isInstanceOf(DevStackException.class).hasMessageContaining("HTTP 400");
        assertThat(requests).hasValue(1);
    }

    @Test
    void retryAfterIsReadInSecondsAndCapped() throws Exception {
        URI uri = serve(List.of(new Answer(429, "86400")));
        var response = http.send(java.net.http.HttpRequest.newBuilder(uri).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());

        assertThat(DemoSeeder.retryAfter(response)).contains(DemoSeeder.MAX_WAIT);
    }
}
