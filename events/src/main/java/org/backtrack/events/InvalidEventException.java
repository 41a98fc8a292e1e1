package org.backtrack.events;

import java.util.List;
import java.util.stream.Collectors;

/** An event or payload that breaks the contract; never retried, it goes to the dead-letter topic. */
public class InvalidEventException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidEventException(List<Violation> violations) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
