package org.backtrack.problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.util.List;
import java.util.Map;

/**
 * RFC 9457 problem documents in the one shape every BackTrack service answers with: a title, the detail, and for a
 * request at fault the fields it got wrong as {@code errors: [{field, message}]}. Each service's single problem advice
 * builds its answers here.
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    /** A problem naming the fields at fault; without any, the same as {@link #of}. */
    public static ProblemDetail naming(HttpStatus status, String title, String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = of(status, title, detail);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /** A problem naming one field, its detail {@code field: message}. */
    public static ProblemDetail namingField(HttpStatus status, String title, String field, String message) {
        return naming(status, title, field + ": " + message, List.of(fieldError(field, message)));
    }

    /** One entry of {@code errors}. */
    public static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
