package org.backtrack.events;

/**
 * How strongly the dashboard marks a value of the vocabulary: its colour family, from a clinician's alarm down to
 * quiet. Served beside the words ({@code GET /api/v1/vocabulary}, {@code GET /api/v1/alert-types}) so the dashboard
 * styles by tone and never by the names of statuses or alert types; a value is never told by colour alone.
 */
public enum Tone {
    ALARM, CONCERN, CAUTION, GOOD, QUIET
}
