package org.backtrack.progress.vocabulary.web;

import org.backtrack.events.AlertType;
import org.backtrack.events.ProgressStatus;
import org.backtrack.events.Stage;
import org.backtrack.events.SuggestedAction;
import org.backtrack.events.Tone;
import org.backtrack.progress.assessment.AttentionOrder;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The answer of {@code GET /api/v1/vocabulary}: the values of the {@code events} module with their words, and the
 * attention order of progress-service's clinic overview.
 */
record Vocabulary(List<Status> statuses, List<Action> actions, List<StageWords> stages, List<AlertTypeWords> alertTypes) {

    /**
     * @param attentionRank  position in the clinic overview, 0 first (the overview lists patients in this order)
     * @param needsAttention whether this status alone puts a patient among those needing attention (a patient without
     *                       a session for three days needs attention whatever the status)
     * @param tone           how strongly the dashboard marks it
     * @param flatTrend      pain has stopped changing over the trend window, which the patient's chart marks
     */
    record Status(ProgressStatus status, String label, String symbol, int attentionRank, boolean needsAttention, Tone tone,
                  boolean flatTrend) {
    }

    /**
     * @param movesTo the stage this action proposes to move a patient's program to; null when it moves nobody
     * @param safety  whether it answers a safety signal (never a progression; withdraws a waiting proposal)
     */
    record Action(SuggestedAction action, String label, Stage movesTo, boolean safety) {
    }

    /** @param rung position on the ladder from 0; -1 for a stage beside it (recovery tools) */
    record StageWords(Stage stage, String label, boolean onLadder, int rung) {
    }

    record AlertTypeWords(AlertType type, String label, String description, Tone tone) {
    }

    static Vocabulary current() {
        return new Vocabulary(
                Arrays.stream(ProgressStatus.values()).sorted(Comparator.comparingInt(AttentionOrder::rank))
                        .map(s -> new Status(s, s.label(), s.symbol(), AttentionOrder.rank(s), AttentionOrder.needsAttention(s, false),
                                s.tone(), s.flatTrend()))
                        .toList(),
                Arrays.stream(SuggestedAction.values())
                        .map(a -> new Action(a, a.label(), a.movesTo().orElse(null), a.isSafety())).toList(),
                Arrays.stream(Stage.values()).map(s -> new StageWords(s, s.label(), s.onLadder(), s.rung())).toList(),
                Arrays.stream(AlertType.values()).map(t -> new AlertTypeWords(t, t.label(), t.description(), t.tone())).toList());
    }
}
