package org.backtrack.routine.sessions;

import org.backtrack.events.InvalidEventException;
import org.backtrack.events.Violation;

/**
 * A session over one of the contract's limits per patient ({@link org.backtrack.events.SessionLimits}): refused with
 * 429 naming the limit, as progress-service would dead-letter its event.
 */
public class SessionLimitException extends RuntimeException {

    private final Violation violation;
    private final int limit;

    SessionLimitException(InvalidEventException violated, int limit) {
        super(violated.getMessage());
        this.violation = violated.violations().get(0);
        this.limit = limit;
    }

    /** The field and the rule, as the problem document names them. */
    public Violation violation() {
        return violation;
    }

    public int limit() {
        return limit;
    }
}
