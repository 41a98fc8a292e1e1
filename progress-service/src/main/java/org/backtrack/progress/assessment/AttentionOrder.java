package org.backtrack.progress.assessment;

import org.backtrack.events.ProgressStatus;

import java.util.List;

/**
 * Who needs a clinician first: patients whose status needs attention (red flag, worsening, plateau) or who are
 * disengaged come first; within each group, by status in {@link #STATUSES} order, then by patient id.
 */
public final class AttentionOrder {

    /** Status order of the clinic overview. The position is stored with each patient's summary (its rank). */
    public static final List<ProgressStatus> STATUSES = List.of(ProgressStatus.RED_FLAG, ProgressStatus.WORSENING,
            ProgressStatus.PLATEAU, ProgressStatus.INSUFFICIENT_DATA, ProgressStatus.IMPROVING, ProgressStatus.RECOVERED);
    /** Statuses that need attention whatever the patient's engagement: the first ranks of {@link #STATUSES}. */
    public static final int ATTENTION_RANKS = 3;

    private AttentionOrder() {
    }

    public static int rank(ProgressStatus status) {
        return STATUSES.indexOf(status);
    }

    public static boolean needsAttention(ProgressStatus status, boolean disengaged) {
        return disengaged || rank(status) < ATTENTION_RANKS;
    }
}
