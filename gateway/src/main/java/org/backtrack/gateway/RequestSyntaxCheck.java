package org.backtrack.gateway;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.backtrack.events.RequestContentType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Refuses, before anything else runs, what the routing would otherwise fail on with a 500: a Content-Type the services
 * refuse too ({@link RequestContentType}: a wildcard or multipart one), answered 415; and a query string
 * Tomcat cannot parse (an empty parameter name, a broken percent-escape), which the routes' filters meet when they copy
 * the parameters, answered 400. Both as problem documents; the rejected value is never echoed.
 */
@Configuration(proxyBeanMethods = false)
class RequestSyntaxCheck {

    @Bean
    FilterRegistrationBean<RequestSyntaxFilter> requestSyntaxFilter() {
        var registration = new FilterRegistrationBean<>(new RequestSyntaxFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    static final class RequestSyntaxFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String contentType = request.getContentType();
            if (RequestContentType.refused(contentType)) {
                write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, RequestContentType.REFUSAL);
                return;
            }
            if (request.getQueryString() != null && !queryParses(request, contentType)) {
                write(response, HttpStatus.BAD_REQUEST, "The query string is malformed (an empty parameter name or a broken percent-escape).");
                return;
            }
            chain.doFilter(request, response);
        }

        /**
         * Whether Tomcat will parse the query string. A form-encoded request's parameters include its body, which must
         * stay unread for the route, so its query string is checked here by the same rules instead (a later
         * {@code getParameter} by any filter would otherwise fail on it with a 500).
         */
        private static boolean queryParses(HttpServletRequest request, String contentType) {
            if (!MediaType.APPLICATION_FORM_URLENCODED_VALUE.equalsIgnoreCase(baseOf(contentType))) {
                try {
                    request.getParameterMap(); // parsed once here; Tomcat keeps the result for everything after
                    return true;
                } catch (IllegalStateException malformed) { // Tomcat's InvalidParameterException
                    return false;
                }
            }
            return wellFormedQuery(request.getQueryString());
        }

        /** Every non-empty {@code name[=value]} has a name, and both decode (no broken or {@code %u} escape). */
        static boolean wellFormedQuery(String query) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                if (name.isEmpty()) {
                    return false;
                }
                try {
                    URLDecoder.decode(name, StandardCharsets.UTF_8);
                    URLDecoder.decode(equals < 0 ? "" : pair.substring(equals + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException broken) {
                    return false;
                }
            }
            return true;
        }

        private static String baseOf(String contentType) {
            return contentType == null ? "" : contentType.split(";", 2)[0].strip();
        }

        private static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                    + status.value() + ",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8));
        }
    }
}
