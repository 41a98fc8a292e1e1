package org.backtrack.events;

/**
 * One broken rule of the contract.
 *
 * @param field   JSON path of the offending field, e.g. {@code data.painBefore} or {@code exercises[2].reps}
 * @param message what is wrong, readable by the integrator who sent it
 */
public record Violation(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
