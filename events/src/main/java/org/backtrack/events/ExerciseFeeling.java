package org.backtrack.events;

/**
 * How one exercise of a session felt to the patient (optional {@code felt} of an item of {@code exercises} in
 * {@code backtrack.session.completed.v1}). routine-service adapts the next routine to it: an exercise found too easy
 * several sessions running is offered its progression. Values may be added, never renamed.
 */
public enum ExerciseFeeling {
    TOO_EASY,
    ABOUT_RIGHT,
    TOO_HARD
}
