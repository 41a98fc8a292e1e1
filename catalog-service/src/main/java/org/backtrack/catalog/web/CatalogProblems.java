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
import java.util.Map;
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

    /** How the library refuses a change: status, title, and the field at fault with its message (null: the exception's). */
    private record Refusal(HttpStatus status, String title, String field, String fieldMessage) {
    }

    private static final Map<Class<? extends RuntimeException>, Refusal> REFUSALS = Map.of(
            ClinicExercises.ExerciseNotFoundException.class, new Refusal(HttpStatus.NOT_FOUND, "Exercise not found", null, null),
            ClinicExercises.ExerciseConflictException.class, new Refusal(HttpStatus.CONFLICT, "Exercise already exists", "slug", null),
            ClinicExercises.BuiltInContentException.class, new Refusal(HttpStatus.FORBIDDEN, "Built-in content", null, null),
            ClinicExercises.StaleVersionException.class, new Refusal(HttpStatus.PRECONDITION_FAILED, "Stale version", "If-Match", null),
            ETags.PreconditionRequiredException.class,
            new Refusal(HttpStatus.PRECONDITION_REQUIRED, "If-Match required", "If-Match", "is required"));

    @ExceptionHandler({ClinicExercises.ExerciseNotFoundException.class, ClinicExercises.ExerciseConflictException.class,
            ClinicExercises.BuiltInContentException.class, ClinicExercises.StaleVersionException.class,
            ETags.PreconditionRequiredException.class})
    ProblemDetail refused(RuntimeException e) {
        Refusal refusal = REFUSALS.entrySet().stream().filter(known -> known.getKey().isInstance(e)).findFirst().orElseThrow()
                .getValue();
        List<Map<String, String>> errors = refusal.field() == null ? List.of()
                : List.of(Problems.fieldError(refusal.field(), refusal.fieldMessage() != null ? refusal.fieldMessage() : e.getMessage()));
        return Problems.naming(refusal.status(), refusal.title(), e.getMessage(), errors);
    }
}
