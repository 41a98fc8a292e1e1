package org.backtrack.problems;

import org.backtrack.problems.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A query parameter the API cannot use: 400 as an RFC 9457 problem document naming the field, in the shape every
 * service uses ({@code errors: [{field, message}]}). Being an {@link ErrorResponseException}, it needs no handler of
 * its own: Spring's problem-details handling renders it in every service. The rejected value is never echoed.
 */
public class InvalidParameterException extends ErrorResponseException {

    private final String field;

    public InvalidParameterException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, Problems.namingField(HttpStatus.BAD_REQUEST, "Invalid request", field, message), null);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
