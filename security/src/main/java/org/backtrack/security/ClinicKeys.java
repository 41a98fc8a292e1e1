package org.backtrack.security;

import org.backtrack.events.Identifiers;

/**
 * Storage keys of clinic-owned data: {@code clinicId/id[/more]}. A patient is (clinicId, patientId) and a session
 * (clinicId, sessionId), so two clinics may use the same ids without seeing, blocking or learning about each other,
 * and every lookup by such a key is confined to one clinic by construction. {@code /} never occurs in an
 * identifier ({@link Identifiers}), so keys are unambiguous, and all keys under a prefix form one {@code _id} range
 * ({@link #rangeStart}, {@link #rangeEnd}): no id is ever used as a pattern.
 */
public final class ClinicKeys {

    public static final char SEPARATOR = '/';

    private ClinicKeys() {
    }

    /** The key of {@code parts} within {@code clinicId}; every part must be a well-formed identifier. */
    public static String of(String clinicId, String... parts) {
        StringBuilder key = new StringBuilder(checked(clinicId));
        for (String part : parts) {
            key.append(SEPARATOR).append(checked(part));
        }
        return key.toString();
    }

    /** The first key that starts with {@code prefix/}. */
    public static String rangeStart(String prefix) {
        return prefix + SEPARATOR;
    }

    /** The first key after every key that starts with {@code prefix/} ({@code '0'} follows {@code '/'}). */
    public static String rangeEnd(String prefix) {
        return prefix + (char) (SEPARATOR + 1);
    }

    /** Whether a stored key predates clinic keys (a bare id). */
    public static boolean isBare(String key) {
        return key.indexOf(SEPARATOR) < 0;
    }

    private static String checked(String part) {
        if (!Identifiers.isValid(part)) {
            // reaching this is a bug: ids are checked at every edge before they get here
            throw new IllegalArgumentException("not an identifier: a key part " + Identifiers.RULE);
        }
        return part;
    }
}
