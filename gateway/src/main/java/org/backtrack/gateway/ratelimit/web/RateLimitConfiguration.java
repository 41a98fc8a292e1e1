package org.backtrack.gateway.ratelimit.web;

import org.backtrack.gateway.ClaimNames;
import org.backtrack.gateway.ratelimit.RateLimits;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** The API's rate limits and the token check they are keyed on. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    /** The issuer's clock may be this far off ours when {@code exp} and {@code nbf} are compared (Spring's default). */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    /** An unknown key id fetches the issuer's key set again at most twice per interval (Nimbus's rate limit). */
    static final Duration JWKS_MIN_REFETCH_INTERVAL = Duration.ofSeconds(30);
    static final Duration JWKS_CACHE_TIME_TO_LIVE = Duration.ofMinutes(5);
    /**
     * While the issuer is unreachable, keys fetched before keep verifying tokens for this long: otherwise every caller
     * would fall back to its address's quota. Only the rate limit relies on this; the services check tokens themselves.
     */
    static final Duration JWKS_OUTAGE_TOLERANCE = Duration.ofHours(1);
    static final int JWKS_CONNECT_TIMEOUT_MS = 2_000;
    static final int JWKS_READ_TIMEOUT_MS = 5_000;
    static final int JWKS_SIZE_LIMIT_BYTES = 256 * 1024;
    /** Asymmetric algorithms only: a key from the issuer's key set can never double as a shared secret. */
    static final List<SignatureAlgorithm> ALGORITHMS = List.of(SignatureAlgorithm.RS256, SignatureAlgorithm.RS384,
            SignatureAlgorithm.RS512, SignatureAlgorithm.PS256, SignatureAlgorithm.PS384, SignatureAlgorithm.PS512,
            SignatureAlgorithm.ES256, SignatureAlgorithm.ES384, SignatureAlgorithm.ES512);

    @Bean
    RateLimits rateLimits(RateLimitProperties properties) {
        return new RateLimits(properties.quotas(), properties.maxKeys());
    }

    /**
     * Verifies a bearer token as far as a rate limit needs to trust who it names: signed by a key from the issuer's key
     * set, issued by the configured issuer, with an {@code exp} not passed. Audience and roles are the services' to
     * check. Not used for the dashboard's login, which has its own ID-token checks.
     */
    @Bean
    JwtDecoder callerTokens(@Value("${spring.security.oauth2.client.provider.backtrack.jwk-set-uri}") String jwkSetUri,
                            @Value("${backtrack.issuer.url}") String issuer) throws MalformedURLException {
        JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(URI.create(jwkSetUri).toURL(),
                        new DefaultResourceRetriever(JWKS_CONNECT_TIMEOUT_MS, JWKS_READ_TIMEOUT_MS, JWKS_SIZE_LIMIT_BYTES))
                .cache(JWKS_CACHE_TIME_TO_LIVE.toMillis(), JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT)
                .rateLimited(JWKS_MIN_REFETCH_INTERVAL.toMillis())
                .outageTolerant(JWKS_OUTAGE_TOLERANCE.toMillis())
                .build();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithms(set -> set.addAll(ALGORITHMS)).build();
        JwtTimestampValidator time = new JwtTimestampValidator(CLOCK_SKEW);
        time.setAllowEmptyExpiryClaim(false);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(time, new JwtIssuerValidator(issuer)));
        return decoder;
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimits limits, JwtDecoder callerTokens, MeterRegistry meters,
                                                            SecurityFilterProperties securityFilter, ClaimNames claimNames) {
        var registration = new FilterRegistrationBean<>(new RateLimitFilter(limits, callerTokens, meters, claimNames));
        registration.addUrlPatterns("/api/*", "/fhir/*");
        // right after Spring Security's filters, so the session's login is loaded; before any routing or proxying
        registration.setOrder(securityFilter.getOrder() + 1);
        return registration;
    }
}
