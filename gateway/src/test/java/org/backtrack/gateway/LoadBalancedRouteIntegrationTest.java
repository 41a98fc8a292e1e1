package org.backtrack.gateway;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two routine-service instances behind one route ({@code lb://routine-service}, listed statically): the gateway
 * shares the requests between them in turn, and the merged API document reaches one of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoadBalancedRouteIntegrationTest {

    record Instance(String name, HttpServer server, AtomicInteger requests) {
    }

    static final List<Instance> ROUTINE = List.of(instance("routine-a"), instance("routine-b"));
    static final Instance CATALOG = instance("catalog");
    static final Instance PROGRESS = instance("progress");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("backtrack.services.catalog-url", () -> url(CATALOG));
        registry.add("backtrack.services.progress-url", () -> url(PROGRESS));
        registry.add("backtrack.services.routine-url", () -> "lb://routine-service");
        for (int i = 0; i < ROUTINE.size(); i++) {
            Instance instance = ROUTINE.get(i);
            registry.add("spring.cloud.discovery.client.simple.instances.routine-service[" + i + "].uri", () -> url(instance));
        }
    }

    @AfterAll
    static void stop() {
        ROUTINE.forEach(i -> i.server().stop(0));
        CATALOG.server().stop(0);
        PROGRESS.server().stop(0);
    }

    @Test
    void requestsToTheRouteAreSharedEquallyBetweenTheInstances() {
        RestClient http = RestClient.create("http://localhost:" + port);
        Map<String, Integer> servedBy = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            String answer = http.post().uri("/api/v1/sessions").header("Authorization", "Bearer t-" + i)
                    .body("{}").retrieve().body(String.class);
            servedBy.merge(answer.substring(0, answer.indexOf(' ')), 1, Integer::sum);
            assertThat(answer).endsWith("POST /api/v1/sessions");
        }
        assertThat(servedBy).containsExactlyInAnyOrderEntriesOf(Map.of("routine-a", 5, "routine-b", 5));
        // the other routes still go to their single URL
        assertThat(http.get().uri("/api/v1/patients/p-1/progress").header("Authorization", "Bearer p").retrieve()
                .body(String.class)).isEqualTo("progress GET /api/v1/patients/p-1/progress");
    }

    @Test
    void theMergedApiDocumentAsksOneOfTheInstances() {
        int before = ROUTINE.stream().mapToInt(i -> i.requests().get()).sum();
        var answer = RestClient.create("http://localhost:" + port).get().uri("/v3/api-docs").retrieve().toEntity(String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(ROUTINE.stream().mapToInt(i -> i.requests().get()).sum()).isEqualTo(before + 1);
        assertThat(answer.getBody()).contains("/api/v1/sessions");
    }

    private static String url(Instance instance) {
        return "http://127.0.0.1:" + instance.server().getAddress().getPort();
    }

    /** Answers with its name, the method and path; its API document names one path of its own. */
    private static Instance instance(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            AtomicInteger requests = new AtomicInteger();
            server.createContext("/", exchange -> {
                requests.incrementAndGet();
                String path = exchange.getRequestURI().getRawPath();
                boolean document = path.equals("/v3/api-docs");
                String owned = name.startsWith("routine") ? "/api/v1/sessions" : "/api/v1/" + name;
                byte[] body = (document ? "{\"openapi\":\"3.1.0\",\"paths\":{\"" + owned + "\":{}}}"
                        : name + " " + exchange.getRequestMethod() + " " + path).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", document ? "application/json" : "text/plain");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new Instance(name, server, requests);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
