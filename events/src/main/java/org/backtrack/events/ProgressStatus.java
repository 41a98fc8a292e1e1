package org.backtrack.events;

import java.util.Optional;

/**
 * A patient's progress status (fixed by the architecture; docs/analytics.md defines each), with the words and the
 * symbol the dashboard shows (a status is never told by colour alone). Which statuses need a clinician's attention,
 * and in what order, is progress-service's rule, served with these words by {@code GET /api/v1/vocabulary}.
 */
public enum ProgressStatus {

    INSUFFICIENT_DATA("Too early to tell", "…", Tone.QUIET, false),
    IMPROVING("Improving", "↘", Tone.GOOD, false),
    PLATEAU("Plateau", "→", Tone.CAUTION, true),
    WORSENING("Worsening", "↗", Tone.CONCERN, false),
    RECOVERED("Recovered", "✓", Tone.GOOD, false),
    RED_FLAG("Red flag", "▲", Tone.ALARM, false);

    private final String label;
    private final String symbol;
    private final Tone tone;
    private final boolean flatTrend;

    ProgressStatus(String label, String symbol, Tone tone, boolean flatTrend) {
        this.label = label;
        this.symbol = symbol;
        this.tone = tone;
        this.flatTrend = flatTrend;
    }

    /** The words a clinician reads. */
    public String label() {
        return label;
    }

    /** A one-character sign shown beside the label: pain going down, flat, up; a check; a warning. */
    public String symbol() {
        return symbol;
    }

    /** How strongly the dashboard marks it. */
    public Tone tone() {
        return tone;
    }

    /** Pain has stopped changing over the trend window: the patient's chart marks that window. */
    public boolean flatTrend() {
        return flatTrend;
    }

    /** The status of exactly this name; empty for anything else, null included. */
    public static Optional<ProgressStatus> named(String name) {
        return EnumNames.exactly(ProgressStatus.class, name);
    }
}
