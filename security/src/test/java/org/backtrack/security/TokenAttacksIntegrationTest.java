package org.backtrack.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Token attacks sent through a real HTTP server with real signed JWTs, verified against a real JWK-set endpoint that
 * counts how often the service fetches it.
 */
@SpringBootTest(classes = TokenAttacksIntegrationTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=token-test", "spring.mongodb.database=token-test",
                "backtrack.security.jwks-min-refetch-interval=" + TokenAttacksIntegrationTest.REFETCH_SECONDS + "s"})
class TokenAttacksIntegrationTest {

    static final int REFETCH_SECONDS = 4;
    static final KeySetServer ISSUER = new KeySetServer();
    static final MongoServer MONGO = new MongoServer(new MemoryBackend());

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        String mongo = MONGO.bindAndGetConnectionString();
        registry.add("spring.mongodb.uri", () -> mongo);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> ISSUER.issuer() + "/oauth2/jwks");
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> TokenClaims.AUDIENCE);
    }

    @AfterAll
    static void stop() {
        ISSUER.server.stop(0);
        MONGO.shutdownNow();
    }

    @LocalServerPort
    int port;
    RestClient http;

    @BeforeEach
    void setUp() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
        // the service knows the current key before each attack
        assertThat(call(ISSUER.token(ISSUER.key(), claims(Instant.now(), Duration.ofMinutes(30)))).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        JWTClaimsSet noExpiry = new JWTClaimsSet.Builder(claims(Instant.now(), Duration.ofMinutes(30))).expirationTime(null).build();
        assertUnauthorizedProblem(call(ISSUER.token(ISSUER.key(), noExpiry)));
        JWTClaimsSet noIssuedAt = new JWTClaimsSet.Builder(claims(Instant.now(), Duration.ofMinutes(30))).issueTime(null).build();
        assertUnauthorizedProblem(call(ISSUER.token(ISSUER.key(), noIssuedAt)));
    }

    @Test
    void aTokenIssuedForTooLongIsRefusedWhileFresh() {
        assertUnauthorizedProblem(call(ISSUER.token(ISSUER.key(), claims(Instant.now().minusSeconds(60), Duration.ofHours(2)))));
        assertUnauthorizedProblem(call(ISSUER.token(ISSUER.key(), claims(Instant.now(), Duration.ofDays(365)))));
        assertThat(call(ISSUER.token(ISSUER.key(), claims(Instant.now().minusSeconds(60), Duration.ofMinutes(59))))
                .getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void unknownKeyIdsDoNotMakeEveryRequestFetchTheKeys() throws JOSEException {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
        int before = ISSUER.hits.get();
        long started = System.nanoTime();
        for (int i = 0; i < 500; i++) {
            RSAKey withFreshKid = new RSAKey.Builder(stranger).keyID("unknown-" + UUID.randomUUID()).build();
            ResponseEntity<String> response = call(ISSUER.token(withFreshKid, claims(Instant.now(), Duration.ofMinutes(30))));
            assertThat(response.getStatusCode().value()).as("request %d", i).isEqualTo(401);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        int fetches = ISSUER.hits.get() - before;
        // Nimbus allows two fetches per interval; without the limit this would be 500. Its intervals start at a fetch, not
        // at this loop, so the loop can touch one interval begun earlier (by setUp or another test) plus the ones it spans.
        long windows = took.toSeconds() / REFETCH_SECONDS + 2;
        System.out.printf("500 unknown key ids in %d ms: %d key-set fetches (limit %d per %d s)%n", took.toMillis(), fetches, 2, REFETCH_SECONDS);
        assertThat(fetches).isLessThanOrEqualTo((int) (2 * windows)).isLessThanOrEqualTo(20);
        // the known key still works throughout
        assertThat(call(ISSUER.token(ISSUER.key(), claims(Instant.now(), Duration.ofMinutes(30)))).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aRotatedKeyIsPickedUpAfterTheThrottleInterval() throws JOSEException {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
        // use up the refetches of this interval
        for (int i = 0; i < 10; i++) {
            call(ISSUER.token(new RSAKey.Builder(stranger).keyID("flood-" + i).build(), claims(Instant.now(), Duration.ofMinutes(30))));
        }
        RSAKey rotated = ISSUER.rotate();
        String token = ISSUER.token(rotated, claims(Instant.now(), Duration.ofMinutes(30)));
        long started = System.nanoTime();
        await().atMost(Duration.ofSeconds(REFETCH_SECONDS * 3L)).pollInterval(Duration.ofMillis(250))
                .until(() -> call(token).getStatusCode().value() == 200);
        System.out.printf("rotated key accepted after %d ms%n", Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    ResponseEntity<String> call(String token) {
        return http.get().uri("/api/v1/ping").header("Authorization", "Bearer " + token).retrieve().toEntity(String.class);
    }

    static void assertUnauthorizedProblem(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer").contains("invalid_token");
        assertThat(response.getBody()).contains("\"status\":401").doesNotContain("Exception");
    }

    static JWTClaimsSet claims(Instant issuedAt, Duration lifetime) {
        return new JWTClaimsSet.Builder().issuer(ISSUER.issuer()).subject("clinician@clinic-t").audience(TokenClaims.AUDIENCE)
                .issueTime(Date.from(issuedAt)).expirationTime(Date.from(issuedAt.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString()).claim(TokenClaims.CLINIC_ID, "clinic-t")
                .claim(TokenClaims.ROLES, List.of(Role.CLINICIAN.name())).build();
    }

    /** An issuer's JWK-set endpoint whose key can be rotated, counting every fetch. */
    static final class KeySetServer {
        final HttpServer server;
        final AtomicInteger hits = new AtomicInteger();
        /** The first key stays published; a rotation adds the next one, as issuers do while old tokens live on. */
        final List<RSAKey> published = new java.util.concurrent.CopyOnWriteArrayList<>();

        KeySetServer() {
            try {
                published.add(new RSAKeyGenerator(2048).keyID("key-1").generate());
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/oauth2/jwks", exchange -> {
                hits.incrementAndGet();
                byte[] body = new JWKSet(published.stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK()).toList())
                        .toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        String issuer() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        RSAKey key() {
            return published.get(0);
        }

        /** Publishes a new key under a new key id. */
        RSAKey rotate() throws JOSEException {
            RSAKey next = new RSAKeyGenerator(2048).keyID("key-" + UUID.randomUUID()).generate();
            published.add(next);
            return next;
        }

        String token(RSAKey signer, JWTClaimsSet claims) {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID())
                        .type(JOSEObjectType.JWT).build(), claims);
                jwt.sign(new RSASSASigner(signer));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Ping.class)
    static class App {
    }

    @RestController
    static class Ping {
        @RolesAllowed(Role.CLINICIAN_NAME)
        @GetMapping("/api/v1/ping")
        String ping(Caller caller) {
            return caller.subject();
        }
    }
}
