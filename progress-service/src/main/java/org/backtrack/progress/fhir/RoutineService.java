package org.backtrack.progress.fhir;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.backtrack.progress.patients.PatientNotFoundException;
import org.backtrack.security.CurrentToken;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * routine-service's program and routines of a patient, asked over HTTP with the caller's own bearer token, so
 * routine-service decides (and logs) the access exactly as for the caller's direct request. A patient it does not
 * know for the caller answers 404 like everywhere; routine-service away, slow ({@code backtrack.routine.timeout}) or
 * failing is {@link RoutineServiceUnavailableException} (503, try again). A circuit breaker (Resilience4j) stops asking
 * for {@code backtrack.routine.open-for} after repeated failures, answering 503 at once.
 */
@Component
public class RoutineService {

    /** The program as routine-service answers it (fields not needed here are ignored). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Program(String patientId, String stage, Set<String> focusRegions, Instant updatedAt) {
    }

    /** A routine as routine-service answers it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Routine(String id, String patientId, Instant createdAt, Plan plan) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Plan(int totalSeconds, List<Item> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(int order, String exerciseId, String name, String section, int sets, int reps, Integer holdSeconds,
                       Integer secondsPerRep, boolean perSide) {
    }

    private final RestClient http;
    private final CircuitBreaker breaker;

    RoutineService(@Value("${backtrack.routine.url:http://127.0.0.1:8082}") String url,
                   @Value("${backtrack.routine.timeout:3s}") Duration timeout,
                   @Value("${backtrack.routine.open-for:30s}") Duration openFor) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        this.http = RestClient.builder().baseUrl(url).requestFactory(requests).build();
        // as routine-service's breaker in front of the catalog: after half of at least 5 of the last 10 calls failed,
        // answer 503 at once for openFor instead of waiting out the timeout on every request; a 404 is an answer
        this.breaker = CircuitBreaker.of("routine-service", CircuitBreakerConfig.custom()
                .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50)
                .waitDurationInOpenState(openFor).ignoreExceptions(PatientNotFoundException.class).build());
    }

    public Program programOf(String patientId) {
        return get("/api/v1/patients/{patientId}/program", patientId, Program.class);
    }

    /** The patient's latest routine (routine-service lists them newest first). */
    public Optional<Routine> latestRoutineOf(String patientId) {
        Routine[] routines = get("/api/v1/patients/{patientId}/routines?size=1", patientId, Routine[].class);
        return routines == null || routines.length == 0 ? Optional.empty() : Optional.of(routines[0]);
    }

    private <T> T get(String path, String patientId, Class<T> type) {
        String authorization = CurrentToken.authorizationHeader();
        try {
            return breaker.executeSupplier(() -> call(path, patientId, type, authorization));
        } catch (CallNotPermittedException open) {
            throw new RoutineServiceUnavailableException("routine-service failed repeatedly; not asked for a while (circuit open)");
        }
    }

    private <T> T call(String path, String patientId, Class<T> type, String authorization) {
        try {
            return http.get().uri(path, patientId)
                    .header(HttpHeaders.AUTHORIZATION, authorization)
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve()
                    .onStatus(HttpStatusCode::isError, (request, response) -> {
                        if (response.getStatusCode().value() == 404) {
                            throw new PatientNotFoundException(patientId);
                        }
                        throw new RoutineServiceUnavailableException("routine-service answered " + response.getStatusCode().value());
                    })
                    .body(type);
        } catch (RestClientException e) {
            throw new RoutineServiceUnavailableException("routine-service did not answer: " + e.getClass().getSimpleName());
        }
    }

    /** routine-service could not be asked: a transient failure (503). */
    public static class RoutineServiceUnavailableException extends RuntimeException {
        RoutineServiceUnavailableException(String message) {
            super(message);
        }
    }
}
