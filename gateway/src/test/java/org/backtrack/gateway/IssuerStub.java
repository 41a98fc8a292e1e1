package org.backtrack.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small OpenID Connect issuer for gateway tests: a real RSA key published as a JWK set, real signed tokens, and the
 * token and userinfo endpoints the gateway's login calls (the test plays the browser's part of the authorization).
 */
public final class IssuerStub implements AutoCloseable {

    /** A claim value that leaves the claim out of {@link #token}, e.g. a token without {@code exp}. */
    public static final Object OMIT = new Object();

    private final HttpServer server;
    private final RSAKey key;
    /** One key generated per test run: RSA key generation takes a good part of a second. */
    private static final RSAKey FOREIGN_KEY;

    static {
        try {
            FOREIGN_KEY = new RSAKeyGenerator(2048).keyID("foreign-key").generate();
        } catch (JOSEException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final java.util.concurrent.atomic.AtomicInteger keySetFetches = new java.util.concurrent.atomic.AtomicInteger();
    private final Map<String, Login> logins = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> userInfo = new ConcurrentHashMap<>();

    private record Login(String nonce, Map<String, Object> claims) {
    }

    public IssuerStub() {
        try {
            key = new RSAKeyGenerator(2048).keyID("stub-key").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/oauth2/jwks", exchange -> {
            keySetFetches.incrementAndGet();
            send(exchange, 200, new JWKSet(key.toPublicJWK()).toString());
        });
        server.createContext("/oauth2/token", this::token);
        server.createContext("/userinfo", exchange -> {
            String bearer = exchange.getRequestHeaders().getFirst("Authorization");
            Map<String, Object> claims = bearer == null ? null : userInfo.get(bearer.substring("Bearer ".length()));
            send(exchange, claims == null ? 401 : 200, claims == null ? "{}" : json(claims));
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A valid access token: issued here, signed with the published key, expiring in five minutes. */
    public String token(Map<String, Object> claims) {
        Map<String, Object> all = new LinkedHashMap<>(claims);
        all.putIfAbsent("iss", url());
        all.putIfAbsent("aud", List.of("backtrack-api"));
        all.putIfAbsent("iat", Instant.now().getEpochSecond());
        all.putIfAbsent("exp", Instant.now().plus(Duration.ofMinutes(5)).getEpochSecond());
        all.putIfAbsent("jti", UUID.randomUUID().toString());
        all.values().removeIf(v -> v == OMIT);
        return sign(all, key);
    }

    /** A person of a clinic. */
    public String personToken(String subject, String clinicId) {
        return token(Map.of("sub", subject, "clinic_id", clinicId, "roles", List.of("CLINICIAN")));
    }

    /** A clinic's machine client by client credentials, as the local issuer makes them (INTEGRATION, sub = client). */
    public String clientToken(String clientId, String clinicId) {
        return token(Map.of("sub", clientId, "clinic_id", clinicId, "roles", List.of("INTEGRATION")));
    }

    /**
     * Signed with a key that is not the issuer's, under the issuer's key id ({@code sameKeyId}) or a made-up one
     * (which makes the gateway look for it in the issuer's key set): looks right, does not verify.
     */
    public static String signedWithAnotherKey(Map<String, Object> claims, boolean sameKeyId) {
        try {
            return sign(claims, new RSAKey.Builder(FOREIGN_KEY).keyID(sameKeyId ? "stub-key" : "kid-" + UUID.randomUUID()).build());
        } catch (RuntimeException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How often the key set was fetched. */
    public int keySetFetches() {
        return keySetFetches.get();
    }

    /** Remembers what the token endpoint answers for {@code code}: an ID token with the nonce, and the user's claims. */
    public void expectLogin(String code, String nonce, Map<String, Object> claims) {
        logins.put(code, new Login(nonce, claims));
    }

    private void token(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String code = null;
        for (String pair : form.split("&")) {
            if (pair.startsWith("code=")) {
                code = URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        Login login = code == null ? null : logins.remove(code);
        if (login == null) {
            send(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        Map<String, Object> idClaims = new LinkedHashMap<>(login.claims());
        idClaims.put("aud", List.of("backtrack-gateway"));
        idClaims.put("nonce", login.nonce());
        String accessToken = token(login.claims());
        userInfo.put(accessToken, login.claims());
        send(exchange, 200, json(Map.of("access_token", accessToken, "token_type", "Bearer", "expires_in", 300,
                "scope", "openid profile", "id_token", token(idClaims))));
    }

    private static String sign(Map<String, Object> claims, RSAKey signingKey) {
        try {
            JWTClaimsSet.Builder set = new JWTClaimsSet.Builder();
            claims.forEach((name, value) -> set.claim(name, value instanceof Long seconds && List.of("iat", "exp", "nbf").contains(name)
                    ? Date.from(Instant.ofEpochSecond(seconds)) : value));
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), set.build());
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Map<String, Object> values) {
        return com.nimbusds.jose.util.JSONObjectUtils.toJSONString(values);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
