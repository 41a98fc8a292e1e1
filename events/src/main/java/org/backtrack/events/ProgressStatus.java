package org.backtrack.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * A patient's progress status (fixed by the architecture; docs/analytics.md defines each), with the words and the
 * symbol the dashboard shows (a status is never told by colour alone). Which statuses need a clinician's attention,
 * and in what order, is progress-service's rule, served with these words by {@code GET /api/v1/vocabulary}.
 */
public enum ProgressStatus {

    INSUFFICIENT_DATA("Too early to tell", "…"),
    IMPROVING("Improving", "↘"),
    PLATEAU("Plateau", "→"),
    WORSENING("Worsening", "↗"),
    RECOVERED("Recovered", "✓"),
    RED_FLAG("Red flag", "▲");

    private final String label;
    private final String symbol;

    ProgressStatus(String label, String symbol) {
        this.label = label;
        this.symbol = symbol;
    }

    /** The words a clinician reads. */
    public String label() {
        return label;
    }

    /** A one-character sign shown beside the label: pain going down, flat, up; a check; a warning. */
    public String symbol() {
        return symbol;
    }

    /** The status of exactly this name; empty for anything else, null included. */
    public static Optional<ProgressStatus> named(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }
}
