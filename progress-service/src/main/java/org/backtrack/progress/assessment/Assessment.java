package org.backtrack.progress.assessment;

import java.time.Instant;
import java.util.List;

/** Everything the rules conclude about one patient at one moment. */
public record Assessment(ProgressStatus status, Trend trend, Adherence adherence, List<Alert> alerts,
                         Suggestion suggestion) {

    /**
     * Baseline (first week) against current (last week) mean pain before sessions, on the 0..10 scale.
     * Values are null while there is no session to compute them from.
     */
    public record Trend(Double baselinePain, Double currentPain, Double changePoints, Double changePercent,
                        boolean meaningfulImprovement) {
    }

    /** Sessions in the seven days up to now against the prescription of one session a day. */
    public record Adherence(int sessionsLast7Days, int prescribedPerWeek, double ratio) {
    }

    public record Alert(AlertType type, Instant at, String message) {
    }

    public enum AlertType { RED_FLAG_SYMPTOM, SHARP_PAIN, PAIN_SPIKE, NO_SESSION_3_DAYS, NO_SESSION_14_DAYS }

    public record Suggestion(SuggestedAction action, List<String> exercises, String reason) {
    }
}
