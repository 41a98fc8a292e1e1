package org.backtrack.security.token;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Decides whether a token was issued for an acceptable time: it must say when it was issued ({@code iat}) and when it
 * expires ({@code exp}), be issued for at most the maximum lifetime, and not be issued in the future (beyond the clock
 * skew). Expiry itself and {@code nbf} are Spring's {@code JwtTimestampValidator}'s to check.
 */
public record BoundedTokenLifetime(Duration maxLifetime, Duration clockSkew, Clock clock) implements OAuth2TokenValidator<Jwt> {

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        Instant issuedAt = token.getIssuedAt();
        Instant expiresAt = token.getExpiresAt();
        if (issuedAt == null || expiresAt == null) {
            return invalid("The token must carry iat and exp");
        }
        if (issuedAt.isAfter(clock.instant().plus(clockSkew))) {
            return invalid("The token was issued in the future");
        }
        if (expiresAt.isBefore(issuedAt) || Duration.between(issuedAt, expiresAt).compareTo(maxLifetime) > 0) {
            return invalid("The token's lifetime (exp - iat) exceeds " + maxLifetime.toSeconds() + " seconds");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description,
                "https://tools.ietf.org/html/rfc6750#section-3.1"));
    }
}
