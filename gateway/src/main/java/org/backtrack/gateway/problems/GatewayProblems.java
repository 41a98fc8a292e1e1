package org.backtrack.gateway.problems;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.RestClientException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.time.Duration;

/**
 * The gateway's one problem advice (RFC 9457). A route whose service cannot be reached answers 503 with Retry-After,
 * one that did not answer in time 504; Spring MVC's own exceptions keep their statuses (the base class); anything
 * else the gateway throws is a 500 problem without its message. Errors raised outside MVC (filters, Spring Security)
 * reach {@link ProblemErrorController} and get the same shape.
 */
@RestControllerAdvice
class GatewayProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayProblems.class);

    private final Duration retryAfter;

    GatewayProblems(@Value("${backtrack.gateway.unavailable-retry-after}") Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    @ExceptionHandler(RestClientException.class)
    ResponseEntity<ProblemDetail> downstream(RestClientException e, HttpServletRequest request) {
        DownstreamFailure failure = DownstreamFailure.of(e);
        // the cause's class says what happened; its message would only repeat the service's address
        log.warn("{} {} -> {}: {}", request.getMethod(), request.getRequestURI(), failure.status, rootCause(e).getClass().getName());
        return problem(failure, retryAfter);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e; // Spring Security's filters answer these (login redirect, 401, 403)
        }
        log.error("{} {} failed in the gateway", request.getMethod(), request.getRequestURI(), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The gateway could not handle this request.");
        problem.setTitle("Internal error");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    static ResponseEntity<ProblemDetail> problem(DownstreamFailure failure, Duration retryAfter) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(failure.status), failure.detail);
        problem.setTitle(failure.title);
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        problem.setProperty("retryAfterSeconds", seconds);
        return ResponseEntity.status(failure.status).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(problem);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
