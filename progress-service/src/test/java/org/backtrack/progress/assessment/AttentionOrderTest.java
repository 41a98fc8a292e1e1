package org.backtrack.progress.assessment;

import org.backtrack.events.ProgressStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Who needs a clinician first: every status, engaged or not, and the order of the clinic overview. */
class AttentionOrderTest {

    @ParameterizedTest
    @CsvSource({
            "RED_FLAG, 0, false, true", "RED_FLAG, 0, true, true",
            "WORSENING, 1, false, true", "WORSENING, 1, true, true",
            "PLATEAU, 2, false, true", "PLATEAU, 2, true, true",
            "INSUFFICIENT_DATA, 3, false, false", "INSUFFICIENT_DATA, 3, true, true",
            "IMPROVING, 4, false, false", "IMPROVING, 4, true, true",
            "RECOVERED, 5, false, false", "RECOVERED, 5, true, true"})
    void eachStatusHasItsRankAndNeedsAttentionWhenAlarmingOrDisengaged(ProgressStatus status, int rank, boolean disengaged,
                                                                        boolean needsAttention) {
        assertThat(AttentionOrder.rank(status)).isEqualTo(rank);
        assertThat(AttentionOrder.needsAttention(status, disengaged)).isEqualTo(needsAttention);
    }

    @Test
    void everyStatusHasExactlyOnePlace() {
        assertThat(AttentionOrder.STATUSES).containsExactlyInAnyOrder(ProgressStatus.values()).doesNotHaveDuplicates();
        assertThat(Arrays.stream(ProgressStatus.values()).map(AttentionOrder::rank)).doesNotContain(-1).doesNotHaveDuplicates();
    }

    @Test
    void sortingByRankPutsTheStatusesNeedingAttentionFirstWithRedFlagsOnTop() {
        List<ProgressStatus> sorted = Arrays.stream(ProgressStatus.values())
                .sorted(Comparator.comparingInt(AttentionOrder::rank)).toList();
        assertThat(sorted.subList(0, AttentionOrder.ATTENTION_RANKS)).allMatch(s -> AttentionOrder.needsAttention(s, false));
        assertThat(sorted.subList(AttentionOrder.ATTENTION_RANKS, sorted.size())).noneMatch(s -> AttentionOrder.needsAttention(s, false));
        assertThat(sorted.get(0)).isEqualTo(ProgressStatus.RED_FLAG);
    }
}
