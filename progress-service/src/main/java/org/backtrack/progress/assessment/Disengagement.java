package org.backtrack.progress.assessment;

import org.backtrack.events.AlertType;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Has the patient stopped doing their routine? Decided from the last session's time alone, as of the instant asked
 * about, so a stored last-session time answers it at read time without assessing the patient again.
 */
public final class Disengagement {

    /** No session for this long: the patient needs a nudge. */
    public static final Duration DISENGAGED = Duration.ofDays(3);
    /** No session for this long: the patient may have given up. */
    public static final Duration LONG_DISENGAGED = Duration.ofDays(14);

    private Disengagement() {
    }

    /** Whether the patient counts as disengaged at {@code now}; never without a session. */
    public static boolean isDisengaged(Instant lastSessionAt, Instant now) {
        return lastSessionAt != null && Duration.between(lastSessionAt, now).compareTo(DISENGAGED) >= 0;
    }

    /** The disengagement alert at {@code now}, if any: the longer silence wins. */
    public static Optional<Assessment.Alert> alert(Instant lastSessionAt, Instant now) {
        if (lastSessionAt == null) {
            return Optional.empty();
        }
        Duration silence = Duration.between(lastSessionAt, now);
        if (silence.compareTo(LONG_DISENGAGED) >= 0) {
            return Optional.of(new Assessment.Alert(AlertType.NO_SESSION_14_DAYS, lastSessionAt,
                    "No session for " + silence.toDays() + " days"));
        }
        if (silence.compareTo(DISENGAGED) >= 0) {
            return Optional.of(new Assessment.Alert(AlertType.NO_SESSION_3_DAYS, lastSessionAt,
                    "No session for " + silence.toDays() + " days"));
        }
        return Optional.empty();
    }

    /** Whether an alert is one of disengagement (and so depends on when it is asked). */
    public static boolean isDisengagementAlert(Assessment.Alert alert) {
        return alert.type() == AlertType.NO_SESSION_3_DAYS || alert.type() == AlertType.NO_SESSION_14_DAYS;
    }
}
