package org.backtrack.security.config;

import org.backtrack.openapi.NullableProperties;
import org.backtrack.openapi.ServiceApiDocument;
import org.backtrack.problems.ProblemsInOpenApi;
import org.backtrack.security.Caller;
import org.backtrack.security.CallerArgumentResolver;
import org.backtrack.security.CallerAuthenticationConverter;
import org.backtrack.security.RolesInOpenApi;
import org.backtrack.security.accesslog.AccessLog;
import org.backtrack.security.accesslog.AccessLogController;
import org.backtrack.security.accesslog.AccessLogInterceptor;
import org.backtrack.security.accesslog.AccessLogRetention;
import org.backtrack.security.request.ContentTypeFilter;
import org.backtrack.security.request.IdentifierCheck;
import org.backtrack.security.request.RequestSizeLimitFilter;
import org.backtrack.security.request.SecurityProblems;
import org.backtrack.security.token.AccessTokenDecoder;
import org.backtrack.security.token.TokenClaimNames;
import org.backtrack.security.token.TokenPolicy;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Scope;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The security every BackTrack service shares: a stateless OAuth2 resource server (signature, issuer and audience from
 * {@code spring.security.oauth2.resourceserver.jwt.*}; expiry, lifetime, clock skew and key refetches from
 * {@link TokenPolicy}, {@code backtrack.security.*}), role checks on
 * handler methods with {@code @RolesAllowed}, the caller as a handler argument, the patient-data access log, and
 * limits on request size and JSON shape.
 */
@AutoConfiguration(before = {OAuth2ResourceServerAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
        JacksonAutoConfiguration.class})
@EnableMethodSecurity(jsr250Enabled = true)
@EnableConfigurationProperties({TokenPolicy.class, TokenClaimNames.class, OAuth2ResourceServerProperties.class})
@Import(AccessLogController.class)
public class ServiceSecurityAutoConfiguration {

    /** Deeper or longer than any BackTrack document needs; bounds what a hostile body can make the parser do. */
    static final StreamReadConstraints JSON_LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(20).maxStringLength(16_384).maxNumberLength(40).maxNameLength(256).build();

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    /**
     * Prometheus scrapes {@code /actuator/prometheus} on the management port ({@code management.server.port}, set in
     * production, never routed from outside and open to the monitoring namespace only); on the service's own port the
     * endpoint needs a valid token like {@code metrics}.
     */
    static RequestMatcher scrapeOnManagementPort(Integer managementPort) {
        return request -> managementPort != null && managementPort > 0 && request.getLocalPort() == managementPort
                && "/actuator/prometheus".equals(request.getRequestURI());
    }

    /** The clock the services' beans read: the system's, in UTC, unless a test or a service declares its own. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Static: it runs before any other bean exists, so a demo secret stops the service before it connects anywhere. */
    @Bean
    static DemoSecretsCheck demoSecretsCheck(org.springframework.core.env.Environment environment) {
        return new DemoSecretsCheck(environment);
    }

    /**
     * No observation per security filter, authentication and authorization: with tracing on, Spring Security would
     * open one for each of its filters on every request (42% of progress-service's request CPU in the end-to-end bench,
     * JFR). The request itself is still observed (its span and timer) by the web layer.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain serviceSecurity(HttpSecurity http,
                                        @Value("${management.server.port:#{null}}") Integer managementPort) throws Exception {
        SecurityProblems problems = new SecurityProblems();
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error").permitAll()
                        // a FHIR server's CapabilityStatement is public by convention (what it offers, no data)
                        .requestMatchers(HttpMethod.GET, "/fhir/r4/metadata").permitAll()
                        .requestMatchers(scrapeOnManagementPort(managementPort)).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new CallerAuthenticationConverter()))
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // bearer tokens only, no cookies: nothing for a cross-site request to ride on
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /**
     * Replaces Boot's decoder (which accepts tokens without {@code exp} and refetches the key set for every unknown key
     * id) with {@link AccessTokenDecoder}, configured by the same {@code spring.security.oauth2.resourceserver.jwt.*}.
     */
    @Bean
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer, TokenPolicy policy, TokenClaimNames claimNames,
                          Clock clock) {
        OAuth2ResourceServerProperties.Jwt jwt = resourceServer.getJwt();
        String notAUrl = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri must be the URL of the issuer's key set";
        if (jwt.getJwkSetUri() == null) {
            throw new IllegalStateException(notAUrl);
        }
        URL keySet;
        try {
            keySet = URI.create(jwt.getJwkSetUri()).toURL();
        } catch (IllegalArgumentException | MalformedURLException e) {
            throw new IllegalStateException(notAUrl, e);
        }
        List<SignatureAlgorithm> algorithms = jwt.getJwsAlgorithms().stream().map(name -> Optional.ofNullable(SignatureAlgorithm.from(name))
                .orElseThrow(() -> new IllegalStateException("unknown JWS algorithm " + name))).toList();
        return AccessTokenDecoder.create(keySet, jwt.getIssuerUri(), jwt.getAudiences(), algorithms, policy, claimNames,
                clock);
    }

    /** URLs the firewall refuses (encoded slashes, dots, control characters): 400 as a problem document too. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> SecurityProblems.write(request, response, org.springframework.http.HttpStatus.BAD_REQUEST,
                "Invalid request", "The request URL holds characters no BackTrack path or identifier may hold.");
    }

    @Bean(initMethod = "createIndexes")
    AccessLog accessLog(MongoOperations mongo, @Value("${spring.application.name}") String service, Clock clock) {
        return new AccessLog(mongo, service, clock);
    }

    /** Deletes access log entries older than {@code backtrack.access-log.retention}, on a schedule. */
    @Bean
    AccessLogRetention accessLogRetention(AccessLog accessLog,
                                          @Value("${backtrack.access-log.retention:400d}") java.time.Duration retention,
                                          @Value("${backtrack.access-log.purge-interval:1h}") java.time.Duration interval,
                                          Clock clock) {
        return new AccessLogRetention(accessLog, retention, interval, clock);
    }

    @Bean
    WebMvcConfigurer callerAndAccessLog(AccessLog accessLog) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }

            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                // ids first: nothing after it, the access log included, sees a malformed identifier
                registry.addInterceptor(new IdentifierCheck());
                registry.addInterceptor(new AccessLogInterceptor(accessLog));
            }
        };
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimit(@Value("${backtrack.security.max-request-bytes:65536}") int maxBytes) {
        var registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(maxBytes));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ContentTypeFilter> contentTypeCheck() {
        var registration = new FilterRegistrationBean<>(new ContentTypeFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Boot's JSON mapper, built on a parser factory with {@link #JSON_LIMITS}. */
    @Bean
    @Scope("prototype")
    JsonMapper.Builder jsonMapperBuilder(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        JsonMapper.Builder builder = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(JSON_LIMITS).build());
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder;
    }

    @Bean
    RolesInOpenApi rolesInOpenApi() {
        return new RolesInOpenApi();
    }

    /** The document's information: each service names its own description in {@code backtrack.openapi.description}. */
    @Bean
    ServiceApiDocument serviceApiDocument(@Value("${spring.application.name}") String name,
                                          @Value("${backtrack.openapi.version:1.0.0}") String version,
                                          @Value("${backtrack.openapi.description:}") String description) {
        return new ServiceApiDocument("BackTrack " + name + " API", version, description.isBlank()
                ? "The " + name + " of BackTrack." : description.strip());
    }

    @Bean
    ProblemsInOpenApi problemsInOpenApi() {
        return new ProblemsInOpenApi();
    }

    @Bean
    NullableProperties nullableProperties() {
        return new NullableProperties();
    }
}
