package org.backtrack.events;

import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.experimental.Accessors;

/**
 * What an alert is about: the one vocabulary of alert types, with the words the dashboard shows and how each alert
 * resolves. progress-service raises them (see docs/analytics.md, "Alerts"); the progress document, the alert API,
 * the {@code backtrack.progress.alert-*} events and the dashboard (through {@code GET /api/v1/alert-types}) all use
 * these names and labels, never copies.
 */
@Getter
@Accessors(fluent = true)
@RequiredArgsConstructor
public enum AlertType {

    RED_FLAG_SYMPTOM(Tone.ALARM, "Red-flag symptom",
            "A session reported pain down the leg, numbness or night pain.",
            "Only a clinician's acknowledgement resolves it, however late the session arrived and however old it is."),
    SHARP_PAIN(Tone.CONCERN, "Sharp pain",
            "The latest session reported sharp pain.",
            "Resolves at the next later session without sharp pain; an acknowledgement records who saw it."),
    PAIN_SPIKE(Tone.CONCERN, "Pain spike",
            "Pain before a session rose by 2 points or more since the previous session, or reached 7/10 from below.",
            "Resolves at the first later session whose pain is below 7 and less than 2 points above the level before the spike."),
    WORSENING(Tone.CONCERN, "Worsening",
            "The patient's status became worsening: pain is rising.",
            "Resolves once the status is improving, plateau or recovered again (a red flag or too little data leaves it open)."),
    NO_SESSION_3_DAYS(Tone.CAUTION, "No session for 3 days",
            "No session for three days: the patient may need a nudge.",
            "Resolves at the next session, or when the absence reaches 14 days (superseded by that alert)."),
    NO_SESSION_14_DAYS(Tone.CAUTION, "No session for 14 days",
            "No session for fourteen days: the patient may have given up.",
            "Resolves at the next session.");

    /** How strongly the dashboard marks it. */
    private final Tone tone;
    /** The name a clinician reads. */
    private final String label;
    /** What raises it, in one sentence. */
    private final String description;
    /** How it resolves, in one sentence. */
    private final String resolvesBy;
}
