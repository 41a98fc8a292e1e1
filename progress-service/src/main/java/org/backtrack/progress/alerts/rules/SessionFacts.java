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
                           boolean radiatingPain, boolean numbness, boolean nightPain) {

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
