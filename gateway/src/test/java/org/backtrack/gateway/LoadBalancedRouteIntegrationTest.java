package org.backtrack.gateway;

import org.backtrack.gateway.UpstreamStub.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two routine-service instances behind one route ({@code lb://routine-service}, listed statically): the gateway
 * shares the requests between them in turn, and the merged API document reaches one of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoadBalancedRouteIntegrationTest {

    record Instance(String name, UpstreamStub stub) {
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
        ROUTINE.forEach(i -> i.stub().close());
        CATALOG.stub().close();
        PROGRESS.stub().close();
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
        int before = ROUTINE.stream().mapToInt(i -> i.stub().requests()).sum();
        var answer = RestClient.create("http://localhost:" + port).get().uri("/v3/api-docs").retrieve().toEntity(String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(ROUTINE.stream().mapToInt(i -> i.stub().requests()).sum()).isEqualTo(before + 1);
        assertThat(answer.getBody()).contains("/api/v1/sessions");
    }

    private static String url(Instance instance) {
        return instance.stub().url();
    }

    /** Answers with its name, the method and path; its API document names one path of its own. */
    private static Instance instance(String name) {
        return new Instance(name, new UpstreamStub(exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            if (!path.equals("/v3/api-docs")) {
                return Answer.text(name + " " + exchange.getRequestMethod() + " " + path);
            }
            String owned = name.startsWith("routine") ? "/api/v1/sessions" : "/api/v1/" + name;
            return new Answer(200, "application/json", "{\"openapi\":\"3.1.0\",\"paths\":{\"" + owned + "\":{}}}");
        }));
    }
}
