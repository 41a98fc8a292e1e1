package org.backtrack.security;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.List;
import java.util.Map;

/**
 * A query parameter the API cannot use: 400 as an RFC 9457 problem document naming the field, in the shape every
 * service uses ({@code errors: [{field, message}]}). Being an {@link ErrorResponseException}, it needs no handler of
 * its own: Spring's problem-details handling renders it in every service. The rejected value is never echoed.
 */
public class InvalidParameterException extends ErrorResponseException {

    private final String field;

    public InvalidParameterException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, problem(field, message), null);
        this.field = field;
    }

    public String field() {
        return field;
    }

    private static ProblemDetail problem(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + message);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }
}
