package org.backtrack.progress.alerts.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one session (its standing version) says, as the alert rules need it.
 *
 * @param arrivedAt when progress-service recorded this version of the session
 */
public record SessionFacts(String sessionId, Instant completedAt, Instant arrivedAt, int painBefore, boolean sharpPain,
                           boolean radiatingPain, boolean numbness, boolean nightPain, List<String> exercisesThatHurt) {

    public SessionFacts {
        exercisesThatHurt = exercisesThatHurt == null ? List.of() : List.copyOf(exercisesThatHurt);
    }

    /** A session without feedback per exercise. */
    public SessionFacts(String sessionId, Instant completedAt, Instant arrivedAt, int painBefore, boolean sharpPain,
                        boolean radiatingPain, boolean numbness, boolean nightPain) {
        this(sessionId, completedAt, arrivedAt, painBefore, sharpPain, radiatingPain, numbness, nightPain, List.of());
    }

    /** Sharp pain as the alert sees it: ticked for the session, or reported as "it hurt" for one of its exercises. */
    public boolean sharpPainSignal() {
        return sharpPain || !exercisesThatHurt.isEmpty();
    }

    public boolean redFlag() {
        return radiatingPain || numbness || nightPain;
    }

    /** The red-flag symptoms reported, in words ("pain down the leg", "numbness", "night pain"). */
    public List<String> redFlagSymptoms() {
        List<String> symptoms = new ArrayList<>();
        if (radiatingPain) {
            symptoms.add("pain down the leg");
        }
        if (numbness) {
            symptoms.add("numbness");
        }
        if (nightPain) {
            symptoms.add("night pain");
        }
        return symptoms;
    }
}
