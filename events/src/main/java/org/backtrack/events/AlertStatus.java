package org.backtrack.events;

import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.experimental.Accessors;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an alert stands. OPEN: raised, nobody has acknowledged it and it has not resolved; ACKNOWLEDGED: a clinician
 * of the patient's clinic has seen it (who, when, an optional note) and it has not resolved yet; RESOLVED: it no
 * longer needs anyone (how is an {@link AlertResolution}). The order is the inbox's: open first.
 */
@Getter
@Accessors(fluent = true)
@RequiredArgsConstructor
public enum AlertStatus {

    OPEN("Open"),
    ACKNOWLEDGED("Acknowledged"),
    RESOLVED("Resolved");

    private final String label;

    /** Position in the inbox: open alerts first, resolved last. */
    public int rank() {
        return ordinal();
    }

    /** The value of the API's {@code status} parameter: the name in lower case ({@code open}). */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status a {@code status} parameter names, in any case; empty for anything else. */
    public static Optional<AlertStatus> fromParameter(String value) {
        return EnumNames.ignoringCase(AlertStatus.class, value);
    }
}
