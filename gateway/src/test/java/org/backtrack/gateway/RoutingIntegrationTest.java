package org.backtrack.gateway;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public path of ARCHITECTURE.md reaches the service that owns it. The upstreams are real HTTP servers
 * that answer with their name and the path and method they received.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoutingIntegrationTest {

    record Upstream(String name, HttpServer server) {
    }

    static final List<Upstream> UPSTREAMS = List.of(upstream("catalog"), upstream("routine"), upstream("progress"));

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        for (Upstream upstream : UPSTREAMS) {
            registry.add("backtrack.services." + upstream.name() + "-url",
                    () -> "http://127.0.0.1:" + upstream.server().getAddress().getPort());
        }
    }

    @AfterAll
    static void stopUpstreams() {
        UPSTREAMS.forEach(upstream -> upstream.server().stop(0));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "GET,    /api/v1/exercises?stage=BASIC,         catalog",
            "GET,    /api/v1/exercises/cat-cow,             catalog",
            "PUT,    /api/v1/exercises/cat-cow,             catalog",
            "POST,   /api/v1/exercises,                     catalog",
            "DELETE, /api/v1/exercises/my-stretch,          catalog",
            "POST,   /api/v1/routines,                      routine",
            "GET,    /api/v1/routines/r-1,                  routine",
            "GET,    /api/v1/patients/patient-42/routines,  routine",
            "POST,   /api/v1/sessions,                      routine",
            "GET,    /api/v1/patients/patient-42/sessions,  routine",
            "GET,    /api/v1/patients/patient-42/program,   routine",
            "POST,   /api/v1/patients/patient-42/program/proposals/ev-1/accept, routine",
            "GET,    /api/v1/patients/patient-42/progress,  progress",
            "GET,    /api/v1/clinics/clinic-7/patients?status=PLATEAU, progress",
    })
    void routesEachPublicPathToItsService(String method, String path, String service) {
        String answer = RestClient.create("http://localhost:" + port).method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path).retrieve().body(String.class);
        assertThat(answer).isEqualTo(service + " " + method + " " + path);
    }

    @Test
    void servesTheDashboard() {
        String page = RestClient.create("http://localhost:" + port).get().uri("/").retrieve().body(String.class);
        assertThat(page).contains("<title>BackTrack", "dashboard.js");
    }

    private static Upstream upstream(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String query = exchange.getRequestURI().getRawQuery();
                byte[] body = (name + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                        + (query == null ? "" : "?" + query)).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/plain");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new Upstream(name, server);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
