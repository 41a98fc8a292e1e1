package org.backtrack.gateway;

import org.backtrack.gateway.UpstreamStub.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public path of ARCHITECTURE.md reaches the service that owns it. The upstreams are real HTTP servers
 * that answer with their name and the path and method they received. The tokens are opaque to the gateway (it
 * passes them on; rate limits count them against the address, see {@code RateLimitIntegrationTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoutingIntegrationTest {

    record Upstream(String name, UpstreamStub stub, AtomicInteger apiDocRequests) {
    }

    static final List<Upstream> UPSTREAMS = List.of(upstream("catalog"), upstream("routine"), upstream("progress"));

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        for (Upstream upstream : UPSTREAMS) {
            registry.add("backtrack.services." + upstream.name() + "-url",
                    upstream.stub()::url);
        }
    }

    @AfterAll
    static void stopUpstreams() {
        UPSTREAMS.forEach(upstream -> upstream.stub().close());
    }

    /** The merged API document needs no sign-in; these upstreams answer no OpenAPI document, so it is unavailable. */
    @Test
    void theMergedApiDocumentIsUnavailableWhileAServiceGivesNoDocument() {
        var answer = RestClient.create("http://localhost:" + port).get().uri("/v3/api-docs").retrieve()
                .onStatus(status -> true, (request, response) -> { })
                .toEntity(String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getBody()).contains("catalog-service did not give its API document");
    }

    /** Anyone may call it, so calling it in a loop must not become a loop of calls to the services. */
    @Test
    void callingTheMergedApiDocumentInALoopAsksTheServicesOncePerPeriod() {
        RestClient client = lenient();
        client.get().uri("/v3/api-docs").retrieve().toBodilessEntity();
        int asked = UPSTREAMS.get(0).apiDocRequests().get();
        for (int i = 0; i < 20; i++) {
            assertThat(client.get().uri("/v3/api-docs").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(503);
        }
        assertThat(UPSTREAMS.get(0).apiDocRequests().get()).as("catalog-service asked again within the failure's Retry-After")
                .isEqualTo(asked);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "GET,    /api/v1/exercises?stage=BASIC,         catalog",
            "GET,    /api/v1/exercises/cat-cow,             catalog",
            "PUT,    /api/v1/exercises/cat-cow,             catalog",
            "POST,   /api/v1/exercises,                     catalog",
            "DELETE, /api/v1/exercises/my-stretch,          catalog",
            "POST,   /api/v1/routines,                      routine",
            "GET,    /api/v1/routines/r-1,                  routine",
            "GET,    /api/v1/patients/patient-42/routines,  routine",
            "POST,   /api/v1/sessions,                      routine",
            "GET,    /api/v1/patients/patient-42/sessions,  routine",
            "GET,    /api/v1/patients/patient-42/program,   routine",
            "POST,   /api/v1/patients/patient-42/program/proposals/ev-1/accept, routine",
            "GET,    /api/v1/patients/patient-42/progress,  progress",
            "GET,    /api/v1/clinics/clinic-7/patients?status=PLATEAU, progress",
            "GET,    /api/v1/alerts?status=open,            progress",
            "GET,    /api/v1/alerts/a-0123456789abcdef01234567, progress",
            "POST,   /api/v1/alerts/a-0123456789abcdef01234567/acknowledgement, progress",
            "GET,    /api/v1/patients/patient-42/alerts,    progress",
            "GET,    /api/v1/alert-types,                   progress",
            "GET,    /api/v1/vocabulary,                    progress",
            "GET,    /api/v1/patients/patient-42/monitoring?period=current, progress",
            "GET,    /api/v1/clinics/clinic-7/monitoring?period=2026-11-01&size=200, progress",
            "GET,    /api/v1/clinics/clinic-7/monitoring.csv?period=current, progress",
            "GET,    /api/v1/clinics/clinic-7/outcomes?from=2026-09-01&to=2026-11-29, progress",
            "GET,    /api/v1/clinics/clinic-7/outcomes.csv?from=2026-09-01&to=2026-11-29, progress",
            "POST,   /api/v1/webhooks,                      progress",
            "GET,    /api/v1/webhooks,                      progress",
            "GET,    /api/v1/webhooks/wh_0123456789abcdef01234567, progress",
            "PATCH,  /api/v1/webhooks/wh_0123456789abcdef01234567, progress",
            "DELETE, /api/v1/webhooks/wh_0123456789abcdef01234567, progress",
            "POST,   /api/v1/webhooks/wh_0123456789abcdef01234567/rotate-secret, progress",
            "GET,    /api/v1/webhooks/wh_0123456789abcdef01234567/deliveries?size=10, progress",
            "POST,   /api/v1/webhooks/wh_0123456789abcdef01234567/deliveries/msg_0123/redeliver, progress",
            "GET,    /fhir/r4/metadata,                     progress",
            "GET,    /fhir/r4/Observation?patient=patient-42&_count=10, progress",
            "GET,    /fhir/r4/CarePlan?patient=patient-42,  progress",
    })
    void routesEachPublicPathToItsServiceWithTheCallersTokenAndNoCookies(String method, String path, String service) {
        String token = "Bearer token-" + java.util.UUID.randomUUID();
        String answer = RestClient.create("http://localhost:" + port).method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path).header("Authorization", token).header("Cookie", "BACKTRACK_SESSION=abc")
                .retrieve().body(String.class);
        assertThat(answer).isEqualTo(service + " " + method + " " + path + " auth=" + token + " cookie=null");
    }

    @Test
    void theAccessLogOfEachServiceIsReachable() {
        var http = RestClient.create("http://localhost:" + port);
        assertThat(http.get().uri("/api/v1/access-log/routine-service").header("Authorization", "Bearer a").retrieve().body(String.class))
                .startsWith("routine GET");
        assertThat(http.get().uri("/api/v1/access-log/progress-service").header("Authorization", "Bearer b").retrieve().body(String.class))
                .startsWith("progress GET");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/patient.html", "/monitoring.html", "/outcomes.html", "/my-routine.html", "/outcomes.js"})
    void theDashboardAsksForASignInAndForbidsFramingAndInlineScript(String page) {
        var response = lenient().get().uri(page).retrieve().toBodilessEntity();
        assertThat(response.getStatusCode().value()).isEqualTo(302);
        assertThat(response.getHeaders().getLocation().toString()).endsWith("/oauth2/authorization/backtrack");
        assertThat(response.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self';", "frame-ancestors 'none'");
        assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        var login = lenient().get().uri("/oauth2/authorization/backtrack").retrieve().toBodilessEntity();
        assertThat(login.getHeaders().getLocation().toString()).contains("/oauth2/authorize?", "code_challenge=", "client_id=backtrack-gateway");
    }

    /** Hands back every response, redirects and errors included (the gateway module stays free of service test support). */
    RestClient lenient() {
        var noRedirects = new org.springframework.http.client.JdkClientHttpRequestFactory(java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build());
        return RestClient.builder().baseUrl("http://localhost:" + port).requestFactory(noRedirects)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
    }

    private static Upstream upstream(String name) {
        AtomicInteger apiDocRequests = new AtomicInteger();
        return new Upstream(name, new UpstreamStub(exchange -> {
            if (exchange.getRequestURI().getPath().equals("/v3/api-docs")) {
                apiDocRequests.incrementAndGet();
            }
            String query = exchange.getRequestURI().getRawQuery();
            return Answer.text(name + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                    + (query == null ? "" : "?" + query) + " auth=" + exchange.getRequestHeaders().getFirst("Authorization")
                    + " cookie=" + exchange.getRequestHeaders().getFirst("Cookie"));
        }), apiDocRequests);
    }
}
