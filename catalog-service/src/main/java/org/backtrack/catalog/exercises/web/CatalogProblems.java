package org.backtrack.catalog.exercises.web;

import org.backtrack.catalog.exercises.ClinicExercises;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.DatabindException;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** RFC 9457 problem documents for every catalog error, each naming the field at fault. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // before Spring's generic problem details for unreadable bodies
class CatalogProblems {

    @ExceptionHandler
    ProblemDetail badParameter(BadParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request parameter", e.getMessage(), List.of(Map.of("field", e.field, "message", e.reason)));
    }

    @ExceptionHandler
    ProblemDetail invalid(ClinicExercises.InvalidExerciseException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid exercise", e.getMessage(),
                e.errors().stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
    }

    /** Malformed JSON, or a value of the wrong type or enum: name the JSON path Jackson stopped at. */
    @ExceptionHandler
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        String field = "$";
        String message = "is not valid JSON";
        if (e.getMostSpecificCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            message = "has a value of the wrong type or an unknown value";
        }
        return problem(HttpStatus.BAD_REQUEST, "Unreadable request body", field + ": " + message, List.of(Map.of("field", field, "message", message)));
    }

    @ExceptionHandler
    ProblemDetail notFound(ClinicExercises.ExerciseNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Exercise not found", e.getMessage(), List.of());
    }

    @ExceptionHandler
    ProblemDetail conflict(ClinicExercises.ExerciseConflictException e) {
        return problem(HttpStatus.CONFLICT, "Exercise already exists", e.getMessage(), List.of(Map.of("field", "slug", "message", e.getMessage())));
    }

    @ExceptionHandler
    ProblemDetail builtIn(ClinicExercises.BuiltInContentException e) {
        return problem(HttpStatus.FORBIDDEN, "Built-in content", e.getMessage(), List.of());
    }

    @ExceptionHandler
    ProblemDetail stale(ClinicExercises.StaleVersionException e) {
        return problem(HttpStatus.PRECONDITION_FAILED, "Stale version", e.getMessage(), List.of(Map.of("field", "If-Match", "message", e.getMessage())));
    }

    @ExceptionHandler
    ProblemDetail preconditionRequired(ETags.PreconditionRequiredException e) {
        return problem(HttpStatus.PRECONDITION_REQUIRED, "If-Match required", e.getMessage(), List.of(Map.of("field", "If-Match", "message", "is required")));
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }
}
