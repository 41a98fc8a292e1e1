package org.backtrack.routine.routines;

/** No routine with this id in the caller's clinic, or one the caller may not see: both answer alike (404). */
public class RoutineNotFoundException extends RuntimeException {

    public RoutineNotFoundException(String id) {
        super("No routine with id " + id);
    }
}
