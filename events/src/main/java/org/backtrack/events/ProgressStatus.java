package org.backtrack.events;

import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.experimental.Accessors;

import java.util.Optional;

/**
 * A patient's progress status (fixed by the architecture; docs/analytics.md defines each), with the words and the
 * symbol the dashboard shows (a status is never told by colour alone). Which statuses need a clinician's attention,
 * and in what order, is progress-service's rule, served with these words by {@code GET /api/v1/vocabulary}.
 */
@Getter
@Accessors(fluent = true)
@RequiredArgsConstructor
public enum ProgressStatus {

    INSUFFICIENT_DATA("Too early to tell", "…", Tone.QUIET, false),
    IMPROVING("Improving", "↘", Tone.GOOD, false),
    PLATEAU("Plateau", "→", Tone.CAUTION, true),
    WORSENING("Worsening", "↗", Tone.CONCERN, false),
    RECOVERED("Recovered", "✓", Tone.GOOD, false),
    RED_FLAG("Red flag", "▲", Tone.ALARM, false);

    /** The words a clinician reads. */
    private final String label;
    /** A one-character sign shown beside the label: pain going down, flat, up; a check; a warning. */
    private final String symbol;
    /** How strongly the dashboard marks it. */
    private final Tone tone;
    /** Pain has stopped changing over the trend window: the patient's chart marks that window. */
    private final boolean flatTrend;

    /** The status of exactly this name; empty for anything else, null included. */
    public static Optional<ProgressStatus> named(String name) {
        return EnumNames.exactly(ProgressStatus.class, name);
    }
}
