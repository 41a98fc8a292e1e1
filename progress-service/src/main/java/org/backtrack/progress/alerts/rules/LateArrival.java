package org.backtrack.progress.alerts.rules;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether what raised an alert arrived late: an app that synced a session days after it happened. The alert then
 * says both when it happened and when it arrived, so a clinician reads "happened on the 7th, arrived on the 23rd".
 */
public final class LateArrival {

    /**
     * More than a day between the session and its arrival. An app that syncs the same day is on time; a day is also
     * the granularity every other rule counts in.
     */
    public static final Duration LATE_AFTER = Duration.ofDays(1);

    private LateArrival() {
    }

    public static boolean isLate(Instant occurredAt, Instant arrivedAt) {
        return occurredAt != null && arrivedAt != null && Duration.between(occurredAt, arrivedAt).compareTo(LATE_AFTER) > 0;
    }
}
