package org.backtrack.catalog.exercises.web;

import org.backtrack.catalog.exercises.Equipment;
import org.backtrack.catalog.exercises.Exercise;
import org.backtrack.catalog.exercises.ExerciseFilter;
import org.backtrack.catalog.exercises.Exercises;
import org.backtrack.catalog.exercises.Kind;
import org.backtrack.catalog.exercises.Region;
import org.backtrack.catalog.exercises.Stage;
import org.backtrack.catalog.exercises.TimeOfDay;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

@RestController
class ExerciseController {

    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_QUERY_LENGTH = 100;

    private final Exercises exercises;

    ExerciseController(Exercises exercises) {
        this.exercises = exercises;
    }

    @GetMapping("/api/v1/exercises")
    ExercisePage list(@RequestParam Optional<String> stage, @RequestParam Optional<String> region,
                      @RequestParam Optional<String> kind, @RequestParam Optional<String> equipment,
                      @RequestParam Optional<String> timeOfDay, @RequestParam Optional<String> q,
                      @RequestParam(defaultValue = "0") String page, @RequestParam(defaultValue = "20") String size) {
        var filter = new ExerciseFilter(parse("stage", stage, Stage.class), parse("region", region, Region.class),
                parse("kind", kind, Kind.class), parse("equipment", equipment, Equipment.class),
                parse("timeOfDay", timeOfDay, TimeOfDay.class), q.map(String::strip).filter(s -> !s.isEmpty()));
        filter.text().filter(s -> s.length() > MAX_QUERY_LENGTH)
                .ifPresent(s -> { throw new BadParameterException("q", "must be at most " + MAX_QUERY_LENGTH + " characters"); });
        int pageNumber = bounded("page", page, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
        int pageSize = bounded("size", size, 1, MAX_PAGE_SIZE);
        // sorted by id: unique, so paging is stable
        Page<Exercise> result = exercises.find(filter, PageRequest.of(pageNumber, pageSize, Sort.by("_id")));
        return new ExercisePage(result.getContent(), pageNumber, pageSize, result.getTotalElements(), result.getTotalPages());
    }

    @GetMapping("/api/v1/exercises/{id}")
    Exercise one(@PathVariable String id) {
        return exercises.find(id).orElseThrow(() -> new ExerciseNotFoundException(id));
    }

    record ExercisePage(List<Exercise> items, int page, int size, long totalItems, int totalPages) {
    }

    private static <E extends Enum<E>> Optional<E> parse(String name, Optional<String> value, Class<E> type) {
        return value.map(v -> {
            try {
                return Enum.valueOf(type, v.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadParameterException(name, "unknown value '" + v + "'; one of "
                        + Arrays.toString(type.getEnumConstants()));
            }
        });
    }

    private static int bounded(String name, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadParameterException(name, "must be an integer from " + min + " to " + max);
    }

    @ExceptionHandler
    ProblemDetail badParameter(BadParameterException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid query parameter");
        problem.setProperty("errors", List.of(Map.of("field", e.field, "message", e.reason)));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(ExerciseNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Exercise not found");
        return problem;
    }

    static final class BadParameterException extends RuntimeException {
        final String field;
        final String reason;

        BadParameterException(String field, String reason) {
            super(field + ": " + reason);
            this.field = field;
            this.reason = reason;
        }
    }

    static final class ExerciseNotFoundException extends RuntimeException {
        ExerciseNotFoundException(String id) {
            super("No exercise with id " + id);
        }
    }
}
