package org.backtrack.progress.alerts.web;

import org.backtrack.events.AlertAcknowledged;
import org.backtrack.events.AlertResolution;
import org.backtrack.events.AlertStatus;
import org.backtrack.events.AlertType;
import org.backtrack.events.Tone;
import org.backtrack.progress.alerts.rules.AlertLifecycle;

import java.util.Arrays;
import java.util.List;

/**
 * The alert vocabulary of the {@code events} module with its words, for the dashboard and integrators: they take the
 * labels from here instead of keeping copies.
 */
record AlertVocabulary(List<Type> types, List<Status> statuses, List<Resolution> resolutions, int maxNoteLength) {

    /**
     * @param resolvedByAcknowledgement whether a clinician's acknowledgement resolves it (red flags)
     * @param tone                      how strongly the dashboard marks it
     */
    record Type(AlertType type, String label, String description, String resolvesBy, boolean resolvedByAcknowledgement,
                Tone tone) {
    }

    /** @param parameter the value of the {@code status} query parameter that selects it */
    record Status(AlertStatus status, String label, String parameter) {
    }

    record Resolution(AlertResolution resolution, String label) {
    }

    static AlertVocabulary current() {
        return new AlertVocabulary(
                Arrays.stream(AlertType.values()).map(t -> new Type(t, t.label(), t.description(), t.resolvesBy(),
                        AlertLifecycle.resolvesOnAcknowledgement(t), t.tone())).toList(),
                Arrays.stream(AlertStatus.values()).map(s -> new Status(s, s.label(), s.parameter())).toList(),
                Arrays.stream(AlertResolution.values()).map(r -> new Resolution(r, r.label())).toList(),
                AlertAcknowledged.MAX_NOTE_LENGTH);
    }
}
