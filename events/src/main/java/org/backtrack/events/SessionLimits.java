package org.backtrack.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * How much one patient may log: the contract's limits beyond the shape of a single event. They bound every document
 * derived from a patient's sessions whatever that patient (or an integration acting for them) sends, and they are far
 * above anything a patient does (the routine is about ten minutes a day). routine-service refuses what would break
 * them (HTTP 429), progress-service dead-letters the event with the reason.
 * <ul>
 *   <li>{@link #MAX_SESSIONS_PER_PATIENT_PER_DAY} distinct sessions of one patient on one day, the UTC calendar day of
 *       {@code completedAt} ({@link #dayOf}); a correction that moves a session to a full day is refused too;</li>
 *   <li>{@link #MAX_CORRECTIONS_PER_SESSION} corrections of one session (events with its {@code sessionId} and a new
 *       {@code id}; a redelivered event is no correction).</li>
 * </ul>
 */
public final class SessionLimits {

    public static final int MAX_SESSIONS_PER_PATIENT_PER_DAY = 12;
    public static final int MAX_CORRECTIONS_PER_SESSION = 20;

    private SessionLimits() {
    }

    /** The day a session counts towards: the UTC calendar day of its {@code completedAt}. */
    public static LocalDate dayOf(Instant completedAt) {
        return completedAt.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** Whether a patient who already has {@code sessionsThatDay} other sessions on a day may have one more. */
    public static boolean roomForAnotherSession(int sessionsThatDay) {
        return sessionsThatDay < MAX_SESSIONS_PER_PATIENT_PER_DAY;
    }

    /** Whether a session already corrected {@code corrections} times may be corrected once more. */
    public static boolean mayBeCorrectedAgain(int corrections) {
        return corrections < MAX_CORRECTIONS_PER_SESSION;
    }

    /** The violation of a full day, naming {@code field} (e.g. {@code data.completedAt}). */
    public static InvalidEventException dayFull(String field, LocalDate day) {
        return new InvalidEventException(List.of(new Violation(field, "the patient already has "
                + MAX_SESSIONS_PER_PATIENT_PER_DAY + " sessions on " + day + " (UTC); at most "
                + MAX_SESSIONS_PER_PATIENT_PER_DAY + " sessions per patient and day are accepted")));
    }

    /** The violation of a session corrected too often, naming {@code field} (e.g. {@code data.sessionId}). */
    public static InvalidEventException correctedTooOften(String field) {
        return new InvalidEventException(List.of(new Violation(field, "the session has been corrected "
                + MAX_CORRECTIONS_PER_SESSION + " times; at most " + MAX_CORRECTIONS_PER_SESSION
                + " corrections per session are accepted")));
    }
}
