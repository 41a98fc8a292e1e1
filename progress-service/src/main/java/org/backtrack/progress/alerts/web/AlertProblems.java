package org.backtrack.progress.alerts.web;

import org.backtrack.problems.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The alert API's own problems (RFC 9457, the shape of {@link Problems}); a patient not found is the service's. */
@RestControllerAdvice
class AlertProblems {

    @ExceptionHandler
    ProblemDetail alertNotFound(AlertNotFoundException e) {
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "Alert not found", e.getMessage());
        problem.setProperty("alertId", e.alertId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail alreadyAcknowledged(AlertAlreadyAcknowledgedException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "Alert already acknowledged", e.getMessage());
        problem.setProperty("alertId", e.alert().alertId());
        problem.setProperty("acknowledgedBy", e.alert().acknowledgement().by());
        problem.setProperty("acknowledgedAt", e.alert().acknowledgement().at().toString());
        return problem;
    }
}
