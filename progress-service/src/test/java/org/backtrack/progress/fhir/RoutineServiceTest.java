package org.backtrack.progress.fhir;

import com.sun.net.httpserver.HttpServer;
import org.backtrack.progress.patients.PatientNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** routine-service asked with the caller's token, and the circuit breaker in front of it, against a stand-in. */
class RoutineServiceTest {

    HttpServer standIn;
    final AtomicInteger status = new AtomicInteger(200);
    final AtomicInteger calls = new AtomicInteger();
    final AtomicReference<String> authorization = new AtomicReference<>();
    RoutineService routines;

    @BeforeEach
    void start() throws IOException {
        standIn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        standIn.createContext("/", exchange -> {
            calls.incrementAndGet();
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = (status.get() == 200 ? "{\"patientId\":\"p-1\",\"stage\":\"BASIC\",\"focusRegions\":[],\"unknown\":1}"
                    : "{}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        standIn.start();
        routines = new RoutineService("http://127.0.0.1:" + standIn.getAddress().getPort(), Duration.ofSeconds(2),
                Duration.ofMillis(300));
        Jwt jwt = Jwt.withTokenValue("caller-token").header("alg", "RS256").claim("sub", "dr.lee").build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
    }

    @AfterEach
    void stop() {
        standIn.stop(0);
        SecurityContextHolder.clearContext();
    }

    @Test
    void theProgramIsAskedWithTheCallersOwnToken() {
        assertThat(routines.programOf("p-1").stage()).isEqualTo("BASIC");
        assertThat(authorization.get()).isEqualTo("Bearer caller-token");
    }

    @Test
    void afterRepeatedFailuresRoutineServiceIsNotAskedForAWhileAndThenAgain() throws InterruptedException {
        status.set(500);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> routines.programOf("p-1")).isInstanceOf(RoutineService.RoutineServiceUnavailableException.class);
        }
        assertThat(calls.get()).isEqualTo(5);
        // open: answered at once, without a call
        assertThatThrownBy(() -> routines.programOf("p-1")).isInstanceOf(RoutineService.RoutineServiceUnavailableException.class)
                .hasMessageContaining("circuit open");
        assertThat(calls.get()).isEqualTo(5);
        // after open-for, calls go through again
        Thread.sleep(400);
        status.set(200);
        assertThat(routines.programOf("p-1").stage()).isEqualTo("BASIC");
        assertThat(calls.get()).isEqualTo(6);
    }

    @Test
    void anUnknownPatientIsAnAnswerNotAFailure() {
        status.set(404);
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> routines.programOf("p-x")).isInstanceOf(PatientNotFoundException.class);
        }
        assertThat(calls.get()).isEqualTo(10);
    }

    @Test
    void aServiceThatIsNotThereIsUnavailable() {
        standIn.stop(0);
        assertThatThrownBy(() -> routines.programOf("p-1")).isInstanceOf(RoutineService.RoutineServiceUnavailableException.class);
    }
}
