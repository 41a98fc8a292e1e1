package org.backtrack.progress.fhir;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
 * failing is {@link RoutineServiceUnavailableException} (503, try again).
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

    RoutineService(@Value("${backtrack.routine.url:http://127.0.0.1:8082}") String url,
                   @Value("${backtrack.routine.timeout:3s}") Duration timeout) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        this.http = RestClient.builder().baseUrl(url).requestFactory(requests).build();
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
        try {
            return http.get().uri(path, patientId)
                    .header(HttpHeaders.AUTHORIZATION, CurrentToken.authorizationHeader())
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
