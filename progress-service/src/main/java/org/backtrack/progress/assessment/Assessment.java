package org.backtrack.progress.assessment;

import org.backtrack.events.AlertType;
import org.backtrack.events.ProgressStatus;
import org.backtrack.events.Stage;
import org.backtrack.events.SuggestedAction;

import java.time.Instant;
import java.util.List;

/** Everything the rules conclude about one patient as of one instant. */
public record Assessment(ProgressStatus status, Trend trend, Adherence adherence, List<Alert> alerts,
                         Suggestion suggestion, Stage stage, Instant asOf) {

    /**
     * @param baselinePain      mean pain before sessions in the first week
     * @param currentPain       mean pain before sessions in the last seven days with data
     * @param changePoints      current minus baseline (negative: better)
     * @param changePercent     the same relative to baseline, null when baseline is 0
     * @param minimalImportantChange points a change must reach to matter at this baseline
     * @param meaningfulImprovement whether current is better than baseline by a clinically important amount
     * @param slopePerWeek      Theil–Sen slope of daily mean pain over the trend window, points per week
     * @param trendPValue       Mann–Kendall two-sided p-value over the same window
     * @param trendDays         days with sessions in the trend window
     * @param reliefBaseline    mean within-session relief (before minus after) in the first week
     * @param reliefCurrent     the same over the last seven days with data
     * @param reliefFading      relief has faded to almost nothing: the routine no longer "hits the same"
     * @param weekOverWeek      mean pain of the last seven days minus that of the seven days before (null without both)
     * @param lastWeekSlopePerWeek Theil–Sen slope over the last seven days with sessions only, points per week
     */
    public record Trend(Double baselinePain, Double currentPain, Double changePoints, Double changePercent,
                        Double minimalImportantChange, boolean meaningfulImprovement, Double slopePerWeek,
                        Double trendPValue, int trendDays, Double reliefBaseline, Double reliefCurrent,
                        boolean reliefFading, Double weekOverWeek, Double lastWeekSlopePerWeek) {

        static final Trend NONE = new Trend(null, null, null, null, null, false, null, null, 0, null, null, false, null, null);
    }

    /** Sessions in the seven days up to the assessment against the prescribed frequency. */
    public record Adherence(int sessionsLast7Days, int prescribedPerWeek, double ratio, double sessionsPerWeekLast4Weeks) {
    }

    public record Alert(AlertType type, Instant at, String message) {
    }

    public record Suggestion(SuggestedAction action, List<String> exercises, String reason) {
    }
}
