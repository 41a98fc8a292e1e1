package org.backtrack.events;

import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.experimental.Accessors;

/** How an alert resolved. Which types resolve in which ways is said by {@link AlertType#resolvesBy()}. */
@Getter
@Accessors(fluent = true)
@RequiredArgsConstructor
public enum AlertResolution {

    /** A clinician acknowledged it, and for this type that is what resolves it (red flags). */
    ACKNOWLEDGED("Acknowledged by a clinician"),
    /** The patient logged a session after the absence (disengagement). */
    SESSION_LOGGED("A session was logged"),
    /** A later session no longer shows the sign (sharp pain, pain spike, worsening). */
    SIGN_CLEARED("The sign cleared at a later session"),
    /** A longer absence's alert replaced it (3 days superseded by 14 days). */
    SUPERSEDED("Superseded by a longer absence");

    private final String label;
}
