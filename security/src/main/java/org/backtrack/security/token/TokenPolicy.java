package org.backtrack.security.token;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How strictly every service judges access tokens beyond signature, issuer and audience.
 *
 * @param clockSkew              how far the issuer's clock may be off ours when {@code exp}, {@code nbf} and {@code iat}
 *                               are compared with now
 * @param maxTokenLifetime       the longest {@code exp - iat} accepted: a token issued for longer is refused even while
 *                               fresh, so a leaked or mis-issued token cannot stay useful for days
 * @param jwksMinRefetchInterval the issuer's key set is fetched again for an unknown key id at most twice per interval
 *                               (Nimbus's rate limit), so tokens with made-up key ids cannot turn every request into
 *                               a fetch from the issuer
 */
@ConfigurationProperties("backtrack.security")
public record TokenPolicy(@DefaultValue("60s") Duration clockSkew,
                          @DefaultValue("1h") Duration maxTokenLifetime,
                          @DefaultValue("30s") Duration jwksMinRefetchInterval) {

    /** How long fetched keys are kept before they are fetched again anyway (Nimbus's default). */
    public static final Duration JWKS_CACHE_TIME_TO_LIVE = Duration.ofMinutes(5);

    public TokenPolicy {
        if (clockSkew.isNegative() || maxTokenLifetime.isNegative() || maxTokenLifetime.isZero()) {
            throw new IllegalArgumentException("backtrack.security.clock-skew must be >= 0 and max-token-lifetime > 0");
        }
        if (jwksMinRefetchInterval.isNegative() || jwksMinRefetchInterval.isZero() || jwksMinRefetchInterval.compareTo(JWKS_CACHE_TIME_TO_LIVE) >= 0) {
            throw new IllegalArgumentException("backtrack.security.jwks-min-refetch-interval must be positive and less than "
                    + JWKS_CACHE_TIME_TO_LIVE + ", the key cache's lifetime");
        }
    }
}
