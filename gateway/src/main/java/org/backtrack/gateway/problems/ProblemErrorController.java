package org.backtrack.gateway.problems;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClientException;

import java.time.Duration;

/**
 * {@code /error} as a problem document instead of Spring Boot's default error body: what a filter, Spring Security
 * ({@code sendError}) or the container reports outside MVC. The detail is generic; no exception message is shown.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private final Duration retryAfter;

    ProblemErrorController(@Value("${backtrack.gateway.unavailable-retry-after}") Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof RestClientException downstream) {
            return GatewayProblems.problem(DownstreamFailure.of(downstream), retryAfter);
        }
        HttpStatus status = statusOf(request);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(status.getReasonPhrase());
        if (status.is5xxServerError()) {
            problem.setDetail("The gateway could not handle this request.");
        }
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
            try {
                problem.setInstance(java.net.URI.create(path));
            } catch (IllegalArgumentException notAUri) {
                // leave it out rather than fail while reporting a failure
            }
        }
        return ResponseEntity.status(status).body(problem);
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code) {
            HttpStatus status = HttpStatus.resolve(code);
            if (status != null && status.isError()) {
                return status;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
