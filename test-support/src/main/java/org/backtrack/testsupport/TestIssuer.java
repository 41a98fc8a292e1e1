package org.backtrack.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpServer;
import org.backtrack.security.Role;
import org.backtrack.security.TokenClaims;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A real token issuer for service tests: an RSA key whose public half is served as a JWK set over HTTP (with the
 * OpenID discovery document), so services verify tokens exactly as they do against the devstack issuer. It also
 * signs the bad tokens the security tests need: expired, wrong key, wrong audience, wrong issuer.
 */
public final class TestIssuer {

    private static TestIssuer instance;

    private final RSAKey key;
    private final RSAKey strangerKey;
    private final String issuer;
    private final NimbusJwtEncoder encoder;
    private final NimbusJwtEncoder strangerEncoder;

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            strangerKey = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            issuer = "http://127.0.0.1:" + server.getAddress().getPort();
            String jwks = new JWKSet(key.toPublicJWK()).toString();
            String discovery = "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/oauth2/jwks\","
                    + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
            server.createContext("/oauth2/jwks", exchange -> respond(exchange, jwks));
            server.createContext("/.well-known/openid-configuration", exchange -> respond(exchange, discovery));
            // client credentials for service-to-service calls: any client gets a clinic-less INTEGRATION token
            server.createContext("/oauth2/token", exchange -> {
                String basic = exchange.getRequestHeaders().getFirst("Authorization");
                String client = basic == null ? "unknown-client" : new String(java.util.Base64.getDecoder()
                        .decode(basic.substring("Basic ".length())), StandardCharsets.UTF_8).split(":")[0];
                respond(exchange, "{\"access_token\":\"" + token(client, null, null, Role.INTEGRATION)
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":1800}");
            });
            server.setExecutor(null);
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        strangerEncoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(strangerKey)));
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    public static synchronized TestIssuer get() {
        if (instance == null) {
            instance = new TestIssuer();
        }
        return instance;
    }

    /** Points a service's resource server at this issuer. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> get().issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> get().issuer + "/oauth2/jwks");
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> TokenClaims.AUDIENCE);
        registry.add("spring.security.oauth2.client.provider.backtrack.token-uri", () -> get().issuer + "/oauth2/token");
    }

    public String issuer() {
        return issuer;
    }

    public static String clinician(String clinicId) {
        return get().token("clinician@" + clinicId, clinicId, null, Role.CLINICIAN);
    }

    public static String clinicAdmin(String clinicId) {
        return get().token("admin@" + clinicId, clinicId, null, Role.CLINICIAN, Role.CLINIC_ADMIN);
    }

    public static String patient(String clinicId, String patientId) {
        return get().token(patientId + "@" + clinicId, clinicId, patientId, Role.PATIENT);
    }

    public static String integration(String clinicId) {
        return get().token("integration-" + clinicId, clinicId, null, Role.INTEGRATION);
    }

    public static String platformAdmin() {
        return get().token("platform-admin", null, null, Role.PLATFORM_ADMIN);
    }

    public String token(String subject, String clinicId, String patientId, Role... roles) {
        return encode(encoder, claims(subject, clinicId, patientId, roles).build());
    }

    public String expired(String clinicId) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return encode(encoder, claims("late@" + clinicId, clinicId, null, Role.CLINICIAN)
                .issuedAt(past).expiresAt(past.plus(Duration.ofMinutes(5))).build());
    }

    /** Same claims and key id, signed by a key the issuer never published. */
    public String wronglySigned(String clinicId) {
        return encode(strangerEncoder, claims("forger@" + clinicId, clinicId, null, Role.CLINICIAN).build());
    }

    public String forAudience(String clinicId, String audience) {
        return encode(encoder, claims("other-app@" + clinicId, clinicId, null, Role.CLINICIAN).audience(List.of(audience)).build());
    }

    public String fromIssuer(String clinicId, String otherIssuer) {
        return encode(encoder, claims("elsewhere@" + clinicId, clinicId, null, Role.CLINICIAN).issuer(otherIssuer).build());
    }

    private JwtClaimsSet.Builder claims(String subject, String clinicId, String patientId, Role... roles) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(issuer).subject(subject)
                .audience(List.of(TokenClaims.AUDIENCE)).issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(30)))
                .id(UUID.randomUUID().toString())
                .claim(TokenClaims.ROLES, Arrays.stream(roles).map(Role::name).toList());
        if (clinicId != null) {
            claims.claim(TokenClaims.CLINIC_ID, clinicId);
        }
        if (patientId != null) {
            claims.claim(TokenClaims.PATIENT_ID, patientId);
        }
        return claims;
    }

    private String encode(NimbusJwtEncoder with, JwtClaimsSet claims) {
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
        return with.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
