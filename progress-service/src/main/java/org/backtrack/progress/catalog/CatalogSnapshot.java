package org.backtrack.progress.catalog;

import org.backtrack.events.Stage;
import org.backtrack.progress.assessment.ExerciseCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The last catalog fetched from catalog-service. Refreshed on a schedule; while the catalog is unreachable the
 * previous copy stays in use, and before the first success suggestions simply propose no exercises.
 */
@Component
public class CatalogSnapshot {

    private static final Logger log = LoggerFactory.getLogger(CatalogSnapshot.class);
    private static final int PAGE_SIZE = 100;
    static final String SERVICE_REGISTRATION = "backtrack-service";

    private final RestClient http;
    private volatile ExerciseCatalog current = ExerciseCatalog.EMPTY;

    CatalogSnapshot(@Value("${backtrack.catalog.url}") String catalogUrl, ClientRegistrationRepository registrations,
                    OAuth2AuthorizedClientService authorizedClients) {
        var timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(Duration.ofSeconds(2));
        timeouts.setReadTimeout(Duration.ofSeconds(5));
        this.http = RestClient.builder().baseUrl(catalogUrl).requestFactory(timeouts)
                .requestInterceptor(serviceToken(registrations, authorizedClients)).build();
    }

    /**
     * The catalog is read as progress-service itself (OAuth2 client credentials), not for a user: a token without a
     * clinic, so only built-in content is visible, which is all the suggestion rules use.
     */
    private static OAuth2ClientHttpRequestInterceptor serviceToken(ClientRegistrationRepository registrations,
                                                                   OAuth2AuthorizedClientService authorizedClients) {
        var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
        var interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
        interceptor.setClientRegistrationIdResolver(request -> SERVICE_REGISTRATION);
        var self = UsernamePasswordAuthenticationToken.authenticated(SERVICE_REGISTRATION, null, List.of());
        interceptor.setPrincipalResolver(request -> self);
        return interceptor;
    }

    public ExerciseCatalog current() {
        return current;
    }

    @Scheduled(initialDelayString = "${backtrack.catalog.initial-delay:2s}", fixedDelayString = "${backtrack.catalog.refresh:10m}")
    void refresh() {
        try {
            List<ExerciseCatalog.Exercise> exercises = new ArrayList<>();
            for (int page = 0; ; page++) {
                JsonNode body = http.get().uri("/api/v1/exercises?size={size}&page={page}", PAGE_SIZE, page)
                        .retrieve().body(JsonNode.class);
                body.get("items").forEach(item -> exercises.add(toExercise(item)));
                if (page + 1 >= body.get("totalPages").asInt()) {
                    break;
                }
            }
            current = ExerciseCatalog.of(exercises);
            log.debug("catalog refreshed: {} exercises", exercises.size());
        } catch (RestClientException | NullPointerException | IllegalArgumentException
                 | org.springframework.security.oauth2.client.ClientAuthorizationException e) {
            log.warn("catalog not refreshed, keeping {} known exercises: {}", current.byId().size(), e.getMessage());
        }
    }

    private static ExerciseCatalog.Exercise toExercise(JsonNode item) {
        Set<String> regions = new HashSet<>();
        item.path("regions").forEach(region -> regions.add(region.asString()));
        return new ExerciseCatalog.Exercise(item.get("id").asString(),
                Stage.valueOf(item.get("stage").asString()), regions);
    }
}
