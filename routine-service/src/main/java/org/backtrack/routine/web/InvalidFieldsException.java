package org.backtrack.routine.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A request with fields the API cannot use; answered 400 with each field and what is wrong with it. */
public class InvalidFieldsException extends RuntimeException {

    private final String title;
    private final List<Map<String, String>> errors;

    public InvalidFieldsException(String title, List<Map<String, String>> errors) {
        super(errors.stream().map(e -> e.get("field") + ": " + e.get("message")).collect(Collectors.joining("; ")));
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static InvalidFieldsException of(String title, String field, String message) {
        return new InvalidFieldsException(title, List.of(Map.of("field", field, "message", message)));
    }

    String title() {
        return title;
    }

    List<Map<String, String>> errors() {
        return errors;
    }
}
