package org.backtrack.security.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.backtrack.security.TokenClaims;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The remembered verifications: real RS256 tokens, a real Nimbus decoder, a clock the test moves. */
class VerifiedTokensTest {

    static final String ISSUER = "http://issuer.example";
    static final List<String> AUDIENCE = List.of(TokenClaims.AUDIENCE);
    static final TokenPolicy POLICY = new TokenPolicy(Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofSeconds(30));
    static RSAKey key;
    static RSAKey otherKey;

    final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T12:00:00Z"));
    final AtomicInteger verifications = new AtomicInteger();
    JwtDecoder verifier;

    @BeforeAll
    static void keys() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("k1").generate();
    }

    @BeforeEach
    void verifier() throws Exception {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
        nimbus.setJwtValidator(AccessTokenDecoder.validator(ISSUER, AUDIENCE, POLICY, clock));
        verifier = token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
    }

    VerifiedTokens remembering(Duration rememberedFor) {
        return new VerifiedTokens(verifier, AccessTokenDecoder.validator(ISSUER, AUDIENCE, POLICY, clock), rememberedFor, 100);
    }

    String token(RSAKey signer, Duration lifetime) throws Exception {
        Instant now = clock.instant();
        var claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("dr.lee")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(lifetime))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }

    @Test
    void aTokenUsedAgainIsVerifiedOnceAndReadTheSame() throws Exception {
        VerifiedTokens decoder = remembering(VerifiedTokens.REMEMBERED_FOR);
        String token = token(key, Duration.ofMinutes(30));
        Jwt first = decoder.decode(token);
        for (int i = 0; i < 5; i++) {
            assertThat(decoder.decode(token)).isEqualTo(first);
        }
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpiresBeyondTheSkew() throws Exception {
        VerifiedTokens decoder = remembering(Duration.ofHours(1));
        String token = token(key, Duration.ofMinutes(5));
        decoder.decode(token);
        clock.advance(Duration.ofMinutes(5).plusSeconds(30)); // within the 60 s skew: still good, still remembered
        decoder.decode(token);
        assertThat(verifications).hasValue(1);
        clock.advance(Duration.ofSeconds(31));
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class);
        assertThat(verifications).hasValue(3); // refused by the verifier itself, each time: nothing invalid is kept
    }

    @Test
    void aForgedOrMalformedTokenIsNeverRemembered() throws Exception {
        VerifiedTokens decoder = remembering(VerifiedTokens.REMEMBERED_FOR);
        String forged = token(otherKey, Duration.ofMinutes(30)); // same key id, another private key
        for (String hostile : List.of(forged, forged, "not-a-token", forged.substring(0, forged.lastIndexOf('.') + 1) + "AAAA")) {
            assertThatThrownBy(() -> decoder.decode(hostile)).isInstanceOf(JwtException.class);
        }
        assertThat(verifications).hasValue(4);
        // a genuine token verified after them is still checked on its own merits
        decoder.decode(token(key, Duration.ofMinutes(30)));
        assertThat(verifications).hasValue(5);
    }

    @Test
    void aTokenIsVerifiedAgainOnceItsMemoryRunsOut() throws Exception {
        VerifiedTokens decoder = remembering(Duration.ZERO);
        String token = token(key, Duration.ofMinutes(30));
        decoder.decode(token);
        decoder.decode(token);
        assertThat(verifications).hasValue(2);
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
