package org.backtrack.progress.fhir.web;

import ca.uhn.fhir.context.FhirContext;
import org.backtrack.problems.InvalidParameterException;
import org.backtrack.progress.fhir.RoutineService;
import org.backtrack.progress.fhir.rules.InvalidSearchException;
import org.backtrack.progress.patients.PatientNotFoundException;
import org.backtrack.security.request.SecurityProblems;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Errors of the FHIR API as FHIR expects them: an OperationOutcome in application/fhir+json with the HTTP status,
 * never a problem document (progress-service's {@code ProgressProblems} answers every other endpoint). One issue,
 * severity {@code error}, its code from the status ({@link SecurityProblems#issueCode}), the diagnostics and, for a
 * parameter at fault, the parameter as expression. Errors raised before a handler runs (no token, a malformed id)
 * are OperationOutcomes too, written by the security module for every {@code /fhir/} path.
 */
@RestControllerAdvice(assignableTypes = FhirController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
@RequiredArgsConstructor
class FhirOutcomes {

    private static final Logger log = LoggerFactory.getLogger(FhirOutcomes.class);
    static final String RETRY_AFTER_SECONDS = "5";

    private final FhirContext fhir;

    @ExceptionHandler(InvalidSearchException.class)
    void invalidSearch(InvalidSearchException e, HttpServletResponse response) throws IOException {
        write(response, HttpStatus.BAD_REQUEST, e.getMessage(), e.parameter());
    }

    /** A cursor this API did not hand out. */
    @ExceptionHandler(InvalidParameterException.class)
    void invalidParameter(InvalidParameterException e, HttpServletResponse response) throws IOException {
        write(response, HttpStatus.BAD_REQUEST, e.getBody().getDetail(), e.field());
    }

    @ExceptionHandler(PatientNotFoundException.class)
    void notFound(PatientNotFoundException e, HttpServletResponse response) throws IOException {
        write(response, HttpStatus.NOT_FOUND, "No patient " + e.patientId() + " among yours", null);
    }

    @ExceptionHandler(RoutineService.RoutineServiceUnavailableException.class)
    void unavailable(RoutineService.RoutineServiceUnavailableException e, HttpServletResponse response) throws IOException {
        log.warn("FHIR CarePlan: {}", e.getMessage());
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        write(response, HttpStatus.SERVICE_UNAVAILABLE, "Programs and routines cannot be read just now; try again shortly", null);
    }

    /** A refusal answered with the same words whatever the exception says: its status and diagnostics. */
    private record Refusal(Class<? extends Exception> type, HttpStatus status, String diagnostics) {
    }

    private static final List<Refusal> REFUSALS = List.of(
            // a role the operation does not allow (method security raises it inside the handler call)
            new Refusal(AccessDeniedException.class, HttpStatus.FORBIDDEN, "Not allowed: your role does not allow this operation."),
            new Refusal(AuthenticationException.class, HttpStatus.UNAUTHORIZED, "Authentication required"),
            // an Accept header without JSON: FHIR JSON is all this API writes
            new Refusal(HttpMediaTypeNotAcceptableException.class, HttpStatus.NOT_ACCEPTABLE, "Answers are application/fhir+json only"));

    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class, HttpMediaTypeNotAcceptableException.class})
    void refused(Exception e, HttpServletResponse response) throws IOException {
        Refusal refusal = REFUSALS.stream().filter(r -> r.type().isInstance(e)).findFirst().orElseThrow();
        write(response, refusal.status(), refusal.diagnostics(), null);
    }

    /** Anything else: 500 without the exception's message. */
    @ExceptionHandler(Exception.class)
    void failed(Exception e, HttpServletResponse response) throws IOException {
        log.error("FHIR request failed", e);
        write(response, HttpStatus.INTERNAL_SERVER_ERROR, "The request failed on the server.", null);
    }

    /**
     * Written straight to the response, whatever the request's Accept header says: an error is always answered, never
     * turned into a second failure by content negotiation.
     */
    void write(HttpServletResponse response, HttpStatus status, String diagnostics, String parameter) throws IOException {
        response.setStatus(status.value());
        response.setContentType(FhirController.FHIR_JSON.toString());
        response.getOutputStream().write(outcome(diagnostics, status, parameter).getBytes(StandardCharsets.UTF_8));
    }

    String outcome(String diagnostics, HttpStatus status, String parameter) {
        OperationOutcome outcome = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.fromCode(SecurityProblems.issueCode(status)))
                .setDiagnostics(diagnostics);
        if (parameter != null) {
            issue.addExpression(parameter);
        }
        return fhir.newJsonParser().encodeResourceToString(outcome);
    }
}
