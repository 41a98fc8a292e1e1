package org.backtrack.gateway.apidocs;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /v3/api-docs}: the whole public API in one OpenAPI document, merged from the services' own
 * {@code /v3/api-docs}, with the gateway as the server. A service that does not answer, or not with JSON, makes it
 * 503: half a document would generate half a client. The endpoint needs no sign-in, so the services' documents are
 * fetched at most once per {@link #FRESH_FOR} (a failure once per {@link #RETRY_AFTER}) however often it is called:
 * callers in a loop cost the services nothing more, and the document is never more than half a minute behind.
 */
@RestController
class ApiDocsController {

    static final String DESCRIPTION = "BackTrack's public API as the gateway serves it: the exercise catalog "
            + "(catalog-service), routines, programs and sessions (routine-service), progress and alerts "
            + "(progress-service). Every call carries a bearer access token of the configured identity provider with "
            + "the caller's clinic and roles; the roles each operation allows are in x-backtrack-roles. Errors are "
            + "RFC 9457 problem documents (application/problem+json) naming the fields at fault.";

    static final Duration FRESH_FOR = Duration.ofSeconds(30);
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /** The services' documents, or the first service that gave none, as fetched at {@code atNanos}. */
    private record Fetched(Map<String, JsonNode> documents, String unavailable, long atNanos, Duration keptFor) {
        boolean freshAt(long nanos) {
            return nanos - atNanos < keptFor.toNanos();
        }
    }

    private final RestClient http;
    /** Resolves a service named by an {@code lb://} URL (several instances behind one route) to one of its instances. */
    private final ObjectProvider<LoadBalancerClient> loadBalancer;
    private Fetched last;
    private final Map<String, String> services = new LinkedHashMap<>();
    private final String version;
    private final JsonMapper json = JsonMapper.builder().build();

    ApiDocsController(@Value("${backtrack.services.catalog-url}") String catalog,
                      @Value("${backtrack.services.routine-url}") String routine,
                      @Value("${backtrack.services.progress-url}") String progress,
                      @Value("${backtrack.openapi.version:1.0.0}") String version,
                      ObjectProvider<LoadBalancerClient> loadBalancer) {
        var requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(2));
        requests.setReadTimeout(Duration.ofSeconds(10));
        this.http = RestClient.builder().requestFactory(requests).build();
        services.put("catalog", catalog);
        services.put("routine", routine);
        services.put("progress", progress);
        this.version = version;
        this.loadBalancer = loadBalancer;
    }

    @GetMapping(path = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> merged() {
        Fetched fetched = fetched();
        if (fetched.unavailable() != null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    fetched.unavailable() + "-service did not give its API document; try again shortly");
            problem.setTitle("API document unavailable");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", String.valueOf(RETRY_AFTER.toSeconds()))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        String server = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return ResponseEntity.ok(MergedApiDocument.merge(fetched.documents(), server, version, DESCRIPTION));
    }

    /** The last fetch while it is fresh, else a new one; concurrent callers wait for the one fetch. */
    private synchronized Fetched fetched() {
        if (last != null && last.freshAt(System.nanoTime())) {
            return last;
        }
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        String unavailable = null;
        for (var service : services.entrySet()) {
            try {
                documents.put(service.getKey(), json.readTree(http.get().uri(instanceUrl(service.getValue()) + "/v3/api-docs")
                        .retrieve().body(String.class)));
            } catch (RestClientException | JacksonException e) {
                unavailable = service.getKey();
                break;
            }
        }
        last = new Fetched(Collections.unmodifiableMap(documents), unavailable, System.nanoTime(), // in the services' order
                unavailable == null ? FRESH_FOR : RETRY_AFTER);
        return last;
    }

    /** The URL itself, or for {@code lb://name} one instance of that service (the instances serve the same document). */
    private String instanceUrl(String url) {
        URI uri = URI.create(url);
        if (!"lb".equals(uri.getScheme())) {
            return url;
        }
        LoadBalancerClient client = loadBalancer.getIfAvailable();
        ServiceInstance instance = client == null ? null : client.choose(uri.getHost());
        if (instance == null) {
            throw new RestClientException("no instance of " + uri.getHost());
        }
        return instance.getUri().toString();
    }
}
