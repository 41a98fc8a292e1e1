package org.backtrack.gateway.problems;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routes whose service is down, not accepting or silent answer problem documents with Retry-After, never Spring's
 * default error body; so do the gateway's own failures. The "services" are real sockets: a closed port, a listener
 * whose queue is full (connections time out), and one that accepts and never answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.http.clients.connect-timeout=1s", "spring.http.clients.read-timeout=3s",
        "backtrack.gateway.unavailable-retry-after=7s"})
class UnavailableServiceIntegrationTest {

    static final int CLOSED_PORT = closedPort();
    /** Accepts the TCP connection (the kernel does) but never reads or answers. */
    static final ServerSocket SILENT = listen(50);
    /** Backlog full and never accepting: further connection attempts are dropped and time out. */
    static final ServerSocket FULL = listen(0);
    static final List<Socket> QUEUE_FILLERS = fill(FULL);
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("backtrack.services.catalog-url", () -> "http://127.0.0.1:" + CLOSED_PORT);
        registry.add("backtrack.services.routine-url", () -> "http://127.0.0.1:" + SILENT.getLocalPort());
        registry.add("backtrack.services.progress-url", () -> "http://127.0.0.1:" + FULL.getLocalPort());
    }

    @AfterAll
    static void close() throws IOException {
        for (Socket socket : QUEUE_FILLERS) {
            socket.close();
        }
        SILENT.close();
        FULL.close();
    }

    @Test
    void aServiceThatIsDownOrStartingAnswers503WithRetryAfter() throws Exception {
        HttpResponse<String> response = get("/api/v1/exercises");
        assertUnavailable(response, 503, "Service unavailable");
        // writes too: the body never reached a service
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/exercises"))
                .header("Authorization", "Bearer x").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertUnavailable(post, 503, "Service unavailable");
    }

    @Test
    void aServiceThatCannotTakeTheConnectionInTimeAnswers503() throws Exception {
        assertGivenUpOnAfter("connect", 900L, 2_900L, "/api/v1/patients/p-1/progress", 503, "Service unavailable");
    }

    @Test
    void aServiceThatNeverAnswersIsGivenUpOnAfterTheReadTimeoutWith504() throws Exception {
        assertGivenUpOnAfter("read", 2_900L, 6_000L, "/api/v1/routines/r-1", 504, "Gateway timeout");
    }

    /** The path's problem answer came once the named timeout ran out: between the two bounds, in milliseconds. */
    void assertGivenUpOnAfter(String timeout, long fromMs, long toMs, String path, int status, String title) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = get(path);
        assertUnavailable(response, status, title);
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms until the " + timeout + " timeout").isBetween(fromMs, toMs);
    }

    @Test
    void whatTheGatewayItselfThrowsIsAProblemDocumentWithoutItsMessage() throws Exception {
        for (String path : List.of("/api/test/throws-in-handler", "/api/test/throws-in-filter")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(500);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
            assertThat(response.body()).as(path).contains("\"status\":500").doesNotContain("secret detail", "Exception", "trace");
        }
    }

    @Test
    void errorsFromSpringSecurityAndUnknownPathsAreProblemDocumentsToo() throws Exception {
        // a cookie-authenticated write without the CSRF token: Spring Security's 403 through /error
        HttpResponse<String> forbidden = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/sessions"))
                .header("Cookie", "BACKTRACK_SESSION=abc").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(forbidden.body()).contains("\"status\":403");

        HttpResponse<String> unknown = get("/api/v9/nothing-here");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    static void assertUnavailable(HttpResponse<String> response, int status, String title) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(response.body()).contains("\"status\":" + status, "\"title\":\"" + title + "\"", "\"retryAfterSeconds\":7")
                .doesNotContain("127.0.0.1:", "Exception", "trace");
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer x").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Something that fails inside the gateway, in MVC and in a servlet filter (a nested controller is registered with it). */
    @TestConfiguration
    static class Failures {

        @RestController
        static class Throwing {
            @GetMapping("/api/test/throws-in-handler")
            String fail() {
                throw new IllegalStateException("secret detail");
            }
        }

        @Bean
        FilterRegistrationBean<Filter> throwingFilter() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                throw new IllegalStateException("secret detail");
            });
            registration.addUrlPatterns("/api/test/throws-in-filter");
            return registration;
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ServerSocket listen(int backlog) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.bind(new InetSocketAddress("127.0.0.1", 0), Math.max(backlog, 1));
            return socket;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Connects until the listener's accept queue is full (later attempts time out instead of connecting). */
    private static List<Socket> fill(ServerSocket listener) {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress("127.0.0.1", listener.getLocalPort()), 300);
                sockets.add(socket);
            } catch (IOException full) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing to release
                }
                return sockets;
            }
        }
        throw new IllegalStateException("the accept queue never filled up");
    }
}
