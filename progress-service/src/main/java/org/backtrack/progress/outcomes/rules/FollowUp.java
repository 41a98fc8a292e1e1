package org.backtrack.progress.outcomes.rules;

import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.experimental.Accessors;

/**
 * A follow-up the clinic's outcomes are reported at: {@code weeks} whole weeks from a patient's first session day in
 * the window (days 0 to {@code 7 * weeks - 1}).
 */
@Getter
@Accessors(fluent = true)
@RequiredArgsConstructor
public enum FollowUp {
    FOUR_WEEKS(4),
    EIGHT_WEEKS(8);

    private final int weeks;

    /** The days of the follow-up, and the least number of days between a patient's first and last session day. */
    public int days() {
        return 7 * weeks;
    }
}
