package org.backtrack.routine.web;

import org.backtrack.events.InvalidEventException;
import org.backtrack.problems.Problems;
import org.backtrack.routine.catalog.CatalogAccess;
import org.backtrack.routine.programs.PatientPrograms;
import org.backtrack.routine.routines.RoutineNotFoundException;
import org.backtrack.routine.sessions.SessionLimitException;
import org.backtrack.routine.sessions.SessionLog;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/**
 * routine-service's one problem advice (RFC 9457): every error an endpoint answers with, named by what went wrong,
 * and for a request at fault each field and what is wrong with it.
 */
@RestControllerAdvice
class RoutineProblems {

    @ExceptionHandler
    ProblemDetail invalid(InvalidFieldsException e) {
        return Problems.naming(HttpStatus.BAD_REQUEST, e.title(), e.getMessage(), e.errors());
    }

    @ExceptionHandler
    ProblemDetail invalidSession(InvalidEventException e) {
        return Problems.naming(HttpStatus.BAD_REQUEST, "Invalid session", e.getMessage(),
                e.violations().stream().map(v -> Problems.fieldError(v.field(), v.message())).toList());
    }

    @ExceptionHandler
    ProblemDetail overLimit(SessionLimitException e) {
        ProblemDetail problem = Problems.naming(HttpStatus.TOO_MANY_REQUESTS, "Session limit reached", e.getMessage(),
                List.of(Problems.fieldError(e.violation().field(), e.violation().message())));
        problem.setProperty("limit", e.limit());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail sessionIdTaken(SessionLog.SessionConflictException e) {
        return Problems.naming(HttpStatus.CONFLICT, "Session id already in use", e.getMessage(),
                List.of(Problems.fieldError("sessionId", e.getMessage())));
    }

    @ExceptionHandler
    ProblemDetail patientNotFound(PatientScope.PatientNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Patient not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail routineNotFound(RoutineNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Routine not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail catalogDown(CatalogAccess.CatalogUnavailableException e) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Catalog unavailable", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail proposalNotFound(PatientPrograms.ProposalNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Proposal not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail proposalDecided(PatientPrograms.ProposalAlreadyDecidedException e) {
        return Problems.of(HttpStatus.CONFLICT, "Proposal already decided", e.getMessage());
    }
}
