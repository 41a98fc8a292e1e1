package org.backtrack.progress.web;

import org.backtrack.problems.Problems;
import org.backtrack.progress.alerts.AlertAlreadyAcknowledgedException;
import org.backtrack.progress.alerts.AlertNotFoundException;
import org.backtrack.progress.patients.ClinicNotFoundException;
import org.backtrack.progress.patients.PatientNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** progress-service's one problem advice (RFC 9457): every error its endpoints answer with. */
@RestControllerAdvice
class ProgressProblems {

    @ExceptionHandler
    ProblemDetail patientNotFound(PatientNotFoundException e) {
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "Patient not found", e.getMessage());
        problem.setProperty("patientId", e.patientId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail clinicNotFound(ClinicNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Clinic not found", e.getMessage());
    }

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
