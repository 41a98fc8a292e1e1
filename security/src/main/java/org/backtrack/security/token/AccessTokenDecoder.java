package org.backtrack.security.token;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.net.URL;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The access-token decoder every service uses: the issuer's keys from its JWK set, fetched through Nimbus's cache and
 * rate limit, and Spring Security's validators for issuer, audience and time, with {@code exp} and {@code iat} required
 * and the lifetime bounded ({@link TokenPolicy}); the clinic, patient and roles are read from the configured claims
 * ({@link ClaimMapping}).
 */
public final class AccessTokenDecoder {

    /** Generous for a loopback or LAN issuer that is busy starting, yet bounded (Nimbus's defaults are 500 ms). */
    static final int JWKS_CONNECT_TIMEOUT_MS = 2_000;
    static final int JWKS_READ_TIMEOUT_MS = 5_000;
    /** A key set is a few KB; refuse anything that could only be a mistake or an attack. */
    static final int JWKS_SIZE_LIMIT_BYTES = 256 * 1024;

    private AccessTokenDecoder() {
    }

    public static JwtDecoder create(URL jwkSetUri, String issuer, List<String> audiences, List<SignatureAlgorithm> algorithms,
                             TokenPolicy policy, TokenClaimNames claimNames, Clock clock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys(jwkSetUri, policy))
                .jwsAlgorithms(set -> set.addAll(algorithms.isEmpty() ? List.of(SignatureAlgorithm.RS256) : algorithms))
                .build();
        OAuth2TokenValidator<Jwt> validator = validator(issuer, audiences, policy, clock);
        decoder.setJwtValidator(validator);
        // Spring's standard conversions (times, audience, issuer) on the claims renamed to BackTrack's vocabulary
        MappedJwtClaimSetConverter standard = MappedJwtClaimSetConverter.withDefaults(java.util.Map.of());
        ClaimMapping mapping = new ClaimMapping(claimNames);
        decoder.setClaimSetConverter(claims -> standard.convert(mapping.apply(claims)));
        return new VerifiedTokens(decoder, validator, VerifiedTokens.REMEMBERED_FOR, VerifiedTokens.MAX_REMEMBERED);
    }

    /** Issuer (exact), audience, and time: exp required, nbf and exp with the clock skew, iat required and bounded. */
    static OAuth2TokenValidator<Jwt> validator(String issuer, List<String> audiences, TokenPolicy policy, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(policy.clockSkew());
        timestamps.setAllowEmptyExpiryClaim(false);
        timestamps.setClock(clock);
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(timestamps,
                new BoundedTokenLifetime(policy.maxTokenLifetime(), policy.clockSkew(), clock)));
        if (issuer != null) {
            validators.add(new JwtIssuerValidator(issuer));
        }
        if (audiences != null && !audiences.isEmpty()) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && !Collections.disjoint(aud, audiences)));
        }
        // the defaults add what is not given here (the type and certificate-binding checks), keeping our timestamps
        return JwtValidators.createDefaultWithValidators(validators);
    }

    /**
     * The issuer's keys, cached, and fetched again for an unknown key id at most twice per
     * {@link TokenPolicy#jwksMinRefetchInterval()}. A token whose key id is still unknown once the limit is reached
     * simply finds no key (401), rather than failing as a key-source error (which Spring turns into a 500).
     */
    static JWKSource<SecurityContext> keys(URL jwkSetUri, TokenPolicy policy) {
        JWKSource<SecurityContext> throttled = JWKSourceBuilder.<SecurityContext>create(jwkSetUri,
                        new DefaultResourceRetriever(JWKS_CONNECT_TIMEOUT_MS, JWKS_READ_TIMEOUT_MS, JWKS_SIZE_LIMIT_BYTES))
                .cache(TokenPolicy.JWKS_CACHE_TIME_TO_LIVE.toMillis(), JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT)
                .rateLimited(policy.jwksMinRefetchInterval().toMillis())
                .build();
        return new NoKeyWhenRateLimited(throttled);
    }

    private record NoKeyWhenRateLimited(JWKSource<SecurityContext> delegate) implements JWKSource<SecurityContext> {
        @Override
        public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
            try {
                return delegate.get(selector, context);
            } catch (RateLimitReachedException throttled) {
                return List.of();
            }
        }
    }
}
