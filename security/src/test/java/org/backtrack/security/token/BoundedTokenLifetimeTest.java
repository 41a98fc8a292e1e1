package org.backtrack.security.token;

import org.backtrack.security.TokenClaims;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedTokenLifetimeTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final List<String> AUDIENCE = List.of(TokenClaims.AUDIENCE);
    static final String ISSUER = "http://issuer.example";
    static final TokenPolicy POLICY = new TokenPolicy(Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofSeconds(30));
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** Times in seconds relative to now; empty = claim absent. */
    @ParameterizedTest(name = "iat {0}, exp {1}, nbf {2}: valid {3}")
    @CsvSource({
            "0, 1800, , true",          // the local issuer's 30 minutes
            "-300, 3300, , true",        // exactly one hour
            "-300, 3301, , false",       // one second too long
            "0, , , false",              // no exp
            ", 1800, , false",           // no iat
            ", , , false",               // neither
            "-86400, 31536000, , false", // a year-long token, fresh
            "-3600, -30, , true",        // expired 30 s ago: within the clock skew
            "-3600, -61, , false",       // expired beyond the skew
            "30, 1800, , true",          // issued 30 s ahead of our clock: skew
            "120, 1800, , false",        // issued in the future
            "0, 1800, 30, true",         // not before: within the skew
            "0, 1800, 120, false",       // not yet valid
    })
    void lifetimeExpiryAndSkew(Long iat, Long exp, Long nbf, boolean valid) {
        Jwt.Builder token = Jwt.withTokenValue("t").header("alg", "RS256").issuer(ISSUER).audience(AUDIENCE).subject("someone");
        if (iat != null) {
            token.issuedAt(NOW.plusSeconds(iat));
        }
        if (exp != null) {
            token.expiresAt(NOW.plusSeconds(exp));
        }
        if (nbf != null) {
            token.notBefore(NOW.plusSeconds(nbf));
        }
        var result = AccessTokenDecoder.validator(ISSUER, AUDIENCE, POLICY, CLOCK).validate(token.build());
        assertThat(result.hasErrors()).as(result.getErrors().toString()).isEqualTo(!valid);
    }

    @ParameterizedTest(name = "issuer {0}, audience {1}: valid {2}")
    @CsvSource({
            "http://issuer.example, backtrack-api, true",
            "http://issuer.example/, backtrack-api, false",
            "http://evil.example, backtrack-api, false",
            "http://issuer.example, other-api, false",
    })
    void issuerAndAudienceStillChecked(String issuer, String audience, boolean valid) {
        Jwt token = Jwt.withTokenValue("t").header("alg", "RS256").issuer(issuer).audience(List.of(audience)).subject("someone")
                .issuedAt(NOW).expiresAt(NOW.plusSeconds(600)).build();
        assertThat(AccessTokenDecoder.validator(ISSUER, AUDIENCE, POLICY, CLOCK).validate(token).hasErrors()).isEqualTo(!valid);
    }

    @ParameterizedTest(name = "skew {0}s, lifetime {1}s, refetch {2}s")
    @CsvSource({"-1, 3600, 30", "60, 0, 30", "60, 3600, 0", "60, 3600, 300", "60, 3600, -5"})
    void nonsensicalSettingsAreRefused(long skew, long lifetime, long refetch) {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() ->
                new TokenPolicy(Duration.ofSeconds(skew), Duration.ofSeconds(lifetime), Duration.ofSeconds(refetch)));
    }
}
