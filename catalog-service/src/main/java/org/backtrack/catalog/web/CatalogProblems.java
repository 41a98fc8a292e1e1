package org.backtrack.catalog.web;

import org.backtrack.catalog.exercises.ClinicExercises;
import org.backtrack.catalog.model.Exercise;
import org.backtrack.problems.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.DatabindException;

import java.util.List;
import java.util.stream.Collectors;

/** catalog-service's one problem advice (RFC 9457): every catalog error, each naming the field at fault. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // before Spring's generic problem details for unreadable bodies
class CatalogProblems {

    @ExceptionHandler
    ProblemDetail badParameter(BadParameterException e) {
        return Problems.namingField(HttpStatus.BAD_REQUEST, "Invalid request parameter", e.field, e.reason);
    }

    @ExceptionHandler
    ProblemDetail invalid(ClinicExercises.InvalidExerciseException e) {
        return Problems.naming(HttpStatus.BAD_REQUEST, "Invalid exercise", e.getMessage(),
                e.errors().stream().map(f -> Problems.fieldError(f.field(), f.message())).toList());
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
        return Problems.namingField(HttpStatus.BAD_REQUEST, "Unreadable request body", field, message);
    }

    @ExceptionHandler
    ProblemDetail notFound(ClinicExercises.ExerciseNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Exercise not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(ClinicExercises.ExerciseConflictException e) {
        return Problems.naming(HttpStatus.CONFLICT, "Exercise already exists", e.getMessage(), List.of(Problems.fieldError("slug", e.getMessage())));
    }

    @ExceptionHandler
    ProblemDetail builtIn(ClinicExercises.BuiltInContentException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "Built-in content", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail stale(ClinicExercises.StaleVersionException e) {
        return Problems.naming(HttpStatus.PRECONDITION_FAILED, "Stale version", e.getMessage(), List.of(Problems.fieldError("If-Match", e.getMessage())));
    }

    @ExceptionHandler
    ProblemDetail preconditionRequired(ETags.PreconditionRequiredException e) {
        return Problems.naming(HttpStatus.PRECONDITION_REQUIRED, "If-Match required", e.getMessage(), List.of(Problems.fieldError("If-Match", "is required")));
    }
}
