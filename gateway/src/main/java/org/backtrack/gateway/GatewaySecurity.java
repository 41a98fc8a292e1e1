package org.backtrack.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The dashboard sits behind an OpenID Connect login; its API calls reach the services with the user's access token
 * (TokenRelay). API clients with their own bearer token pass straight through: the services, not the gateway,
 * decide what a token may do. Cookie-authenticated writes need the CSRF token; bearer requests carry no cookie
 * a forged request could ride on.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurity {

    static final String SESSION_COOKIE = "BACKTRACK_SESSION";

    /** No inline script or style, nothing framed; forms may post here and to the issuer (sign-out continues there). */
    static String contentSecurityPolicy(String issuerUrl) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "object-src 'none'; base-uri 'self'; form-action 'self' " + issuerUrl + "; frame-ancestors 'none'";
    }

    /**
     * Prometheus scrapes {@code /actuator/prometheus} on the management port ({@code management.server.port}, set in
     * production, never routed from outside and open to the monitoring namespace only); on the public port the
     * endpoint needs a sign-in like every other page.
     */
    static RequestMatcher scrapeOnManagementPort(Integer managementPort) {
        return request -> managementPort != null && managementPort > 0 && request.getLocalPort() == managementPort
                && "/actuator/prometheus".equals(request.getRequestURI());
    }

    @Bean
    SecurityFilterChain gatewayFilterChain(HttpSecurity http, ClientRegistrationRepository registrations,
                                        @Value("${backtrack.issuer.url}") String issuerUrl,
                                        @Value("${management.server.port:#{null}}") Integer managementPort) throws Exception {
        var logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri("{baseUrl}/");
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/**", "/fhir/r4/**", "/v3/api-docs", "/actuator/health", "/actuator/health/**", "/actuator/info", "/error").permitAll()
                        .requestMatchers(scrapeOnManagementPort(managementPort)).permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login.defaultSuccessUrl("/", false))
                .logout(out -> out.logoutSuccessHandler(logout))
                .csrf(csrf -> csrf.spa().ignoringRequestMatchers(GatewaySecurity::withoutSessionCookie))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(issuerUrl)))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** Only a request carrying the session cookie can be forged cross-site; bearer and anonymous ones cannot. */
    static boolean withoutSessionCookie(jakarta.servlet.http.HttpServletRequest request) {
        if (request.getHeader("Authorization") != null || request.getCookies() == null) {
            return true;
        }
        return java.util.Arrays.stream(request.getCookies()).noneMatch(c -> SESSION_COOKIE.equals(c.getName()));
    }
}
