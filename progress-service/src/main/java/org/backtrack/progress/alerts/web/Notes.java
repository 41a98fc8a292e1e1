package org.backtrack.progress.alerts.web;

import org.backtrack.events.AlertAcknowledged;
import org.backtrack.problems.InvalidParameterException;

/** The one rule for an acknowledgement's note: optional, bounded, printable text. */
final class Notes {

    static final String FIELD = "note";
    static final String RULE = "must be at most " + AlertAcknowledged.MAX_NOTE_LENGTH
            + " characters without control characters (line breaks and tabs allowed)";

    private Notes() {
    }

    /** The note to store: null when absent or blank, else trimmed. */
    static String checked(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        String trimmed = note.strip();
        if (trimmed.length() > AlertAcknowledged.MAX_NOTE_LENGTH) {
            throw new InvalidParameterException(FIELD, RULE);
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            boolean allowedControl = c == '\n' || c == '\r' || c == '\t';
            boolean bidiOverride = (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
            if ((Character.isISOControl(c) && !allowedControl) || bidiOverride
                    || Character.isSurrogate(c) && !validSurrogate(trimmed, i)) {
                throw new InvalidParameterException(FIELD, RULE);
            }
        }
        return trimmed;
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
