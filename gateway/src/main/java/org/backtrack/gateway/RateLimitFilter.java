package org.backtrack.gateway;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per caller on the API: {@code perSecond} sustained with a burst on top, then 429 with Retry-After.
 * The caller is its bearer token, else its session, else its address, so one clinic's script cannot starve the
 * clinicians behind the same router. In memory, per gateway instance.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    static final int MAX_CALLERS = 100_000;

    private final double perSecond;
    private final int burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimitFilter(int perSecond, int burst) {
        this.perSecond = perSecond;
        this.burst = burst;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (buckets.size() > MAX_CALLERS) {
            buckets.clear(); // forget idle callers rather than grow without bound
        }
        Bucket bucket = buckets.computeIfAbsent(callerOf(request), key -> new Bucket(burst));
        if (bucket.take(perSecond, burst, System.nanoTime())) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", "1");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Too many requests\",\"status\":429,"
                + "\"detail\":\"More than " + (int) perSecond + " requests per second; retry after a second.\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    static String callerOf(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            return "token:" + authorization.hashCode() + ":" + authorization.length();
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (GatewaySecurity.SESSION_COOKIE.equals(cookie.getName())) {
                    return "session:" + cookie.getValue();
                }
            }
        }
        return "address:" + request.getRemoteAddr();
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt = System.nanoTime();

        Bucket(int burst) {
            tokens = burst;
        }

        synchronized boolean take(double perSecond, int burst, long now) {
            tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
