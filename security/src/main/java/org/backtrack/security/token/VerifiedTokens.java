package org.backtrack.security.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Duration;

/**
 * Remembers, for a short while, the access tokens whose signature was verified, so a client that calls with the same
 * token many times (a dashboard or an app polling) costs one RSA verification, not one per request. Only tokens that
 * passed every check are kept, under the whole token text, and every use checks the remembered token's validators
 * again (expiry, not-before, lifetime), so an expired token is refused exactly as before. A token stays remembered at
 * most {@link #REMEMBERED_FOR} after its verification: a signing key removed from the issuer's key set stops being
 * honoured within that time, as the key set's own cache already allows. Bounded to {@link #MAX_REMEMBERED} tokens, so
 * no caller can grow it; invalid tokens are never kept.
 */
final class VerifiedTokens implements JwtDecoder {

    static final Duration REMEMBERED_FOR = Duration.ofSeconds(60);
    static final int MAX_REMEMBERED = 2_000;

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, Duration rememberedFor, int maxRemembered) {
        this.verifier = verifier;
        this.validator = validator;
        this.verified = Caffeine.newBuilder().expireAfterWrite(rememberedFor).maximumSize(maxRemembered).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = token == null ? null : verified.getIfPresent(token);
        if (known != null && !validator.validate(known).hasErrors()) {
            return known;
        }
        if (known != null) {
            verified.invalidate(token); // no longer valid (it expired): the verifier gives the refusal and its reason
        }
        Jwt jwt = verifier.decode(token);
        verified.put(token, jwt);
        return jwt;
    }
}
