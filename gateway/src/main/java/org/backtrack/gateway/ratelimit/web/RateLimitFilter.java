package org.backtrack.gateway.ratelimit.web;

import org.backtrack.gateway.ClaimNames;
import org.backtrack.gateway.ratelimit.CallerQuotas;
import org.backtrack.gateway.ratelimit.Charge;
import org.backtrack.gateway.ratelimit.RateLimits;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Rate limits on the API, keyed on what the gateway verified: a bearer token's signature, issuer and expiry are
 * checked here (the services check the rest), a dashboard user is the session's signed-in principal, and everything
 * else, a junk token included, counts against the remote address. Over a quota: 429 problem+json with Retry-After,
 * naming the quota, never the credentials. Runs after Spring Security's filters, which load the session's login.
 */
@RequiredArgsConstructor
final class RateLimitFilter extends OncePerRequestFilter {

    private static final String BEARER = "bearer ";

    private final RateLimits limits;
    private final JwtDecoder tokens;
    private final MeterRegistry meters;
    private final ClaimNames claimNames;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimits.Verdict verdict = limits.tryTake(chargesOf(request));
        if (verdict.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        meters.counter("backtrack.gateway.rate-limited", "quota", verdict.exceeded().settingName()).increment();
        refuse(response, verdict);
    }

    List<Charge> chargesOf(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return CallerQuotas.ofAddress(address); // no other scheme is verified here
            }
            try {
                return CallerQuotas.ofToken(claimNames.normalize(tokens.decode(authorization.substring(BEARER.length()).trim()).getClaims()), address);
            } catch (JwtException unverified) {
                return CallerQuotas.ofAddress(address);
            }
        }
        Authentication login = SecurityContextHolder.getContext().getAuthentication();
        if (login instanceof OAuth2AuthenticationToken session && session.isAuthenticated()) {
            OAuth2User user = session.getPrincipal();
            return CallerQuotas.ofSession(user.getName(), claimNames.normalize(user.getAttributes()).get(ClaimNames.CLINIC_ID), address);
        }
        return CallerQuotas.ofAddress(address);
    }

    private static void refuse(HttpServletResponse response, RateLimits.Verdict verdict) throws IOException {
        long retryAfter = verdict.retryAfterSeconds();
        String quota = verdict.exceeded().settingName();
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // every value is a number or this code's own constant: nothing the caller sent is echoed
        String body = String.format(Locale.ROOT, "{\"type\":\"about:blank\",\"title\":\"Too many requests\",\"status\":429,"
                        + "\"detail\":\"The %s quota (%s requests/s, burst %d) is used up; retry after %d s.\","
                        + "\"quota\":\"%s\",\"retryAfterSeconds\":%d}",
                quota, rate(verdict.quota().perSecond()), verdict.quota().burst(), retryAfter, quota, retryAfter);
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String rate(double perSecond) {
        return perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond) : Double.toString(perSecond);
    }
}
