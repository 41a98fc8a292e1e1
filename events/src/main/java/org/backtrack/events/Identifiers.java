package org.backtrack.events;

import java.util.regex.Pattern;

/**
 * The one rule every identifier obeys wherever it enters BackTrack: a path, a query parameter, a header, a request
 * body or an event (patientId, sessionId, routineId, exerciseId, proposalId, clinicId, event ids). Letters, digits
 * and {@code . _ : @ -}, starting with a letter or digit, at most {@link #MAX_LENGTH} characters. Nothing in it
 * means anything to a MongoDB query or a regular expression except the dot, and ids are only ever compared for
 * equality or as bounds of an {@code _id} range, never used as a pattern. {@code /} is excluded, so stored keys
 * can join a clinic and an id with it unambiguously.
 */
public final class Identifiers {

    public static final int MAX_LENGTH = 128;
    public static final String RULE = "must be 1 to " + MAX_LENGTH
            + " characters of letters, digits and . _ : @ -, starting with a letter or digit";

    private static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]*");

    private Identifiers() {
    }

    /** Whether {@code value} is a well-formed identifier; the length is checked before any matching. */
    public static boolean isValid(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_LENGTH && PATTERN.matcher(value).matches();
    }

    /** @throws InvalidEventException naming {@code field} unless {@code value} is a well-formed identifier */
    public static String require(String field, String value) {
        if (!isValid(value)) {
            throw new InvalidEventException(java.util.List.of(new Violation(field, RULE)));
        }
        return value;
    }
}
