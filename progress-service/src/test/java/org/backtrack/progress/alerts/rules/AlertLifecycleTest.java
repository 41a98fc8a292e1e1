package org.backtrack.progress.alerts.rules;

import org.backtrack.events.AlertResolution;
import org.backtrack.events.AlertStatus;
import org.backtrack.events.AlertType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AlertLifecycleTest {

    @Test
    void onlyARedFlagIsResolvedByItsAcknowledgementAndOnlyItIsUntracked() {
        for (AlertType type : AlertType.values()) {
            assertThat(AlertLifecycle.resolvesOnAcknowledgement(type)).as(type.name()).isEqualTo(type == AlertType.RED_FLAG_SYMPTOM);
            assertThat(AlertLifecycle.tracked(type)).as(type.name()).isEqualTo(type != AlertType.RED_FLAG_SYMPTOM);
        }
    }

    @ParameterizedTest
    @EnumSource(AlertType.class)
    void anAcknowledgementResolvesARedFlagAndRecordsWhoSawTheOthers(AlertType type) {
        boolean redFlag = type == AlertType.RED_FLAG_SYMPTOM;
        assertThat(AlertLifecycle.statusAfterAcknowledgement(type, false)).isEqualTo(redFlag ? AlertStatus.RESOLVED : AlertStatus.ACKNOWLEDGED);
        assertThat(AlertLifecycle.resolutionByAcknowledgement(type, false)).isEqualTo(
                redFlag ? java.util.Optional.of(AlertResolution.ACKNOWLEDGED) : java.util.Optional.empty());
        // an alert that had resolved unseen stays resolved, as it resolved
        assertThat(AlertLifecycle.statusAfterAcknowledgement(type, true)).isEqualTo(AlertStatus.RESOLVED);
        assertThat(AlertLifecycle.resolutionByAcknowledgement(type, true)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"false,false,OPEN", "true,false,ACKNOWLEDGED", "false,true,RESOLVED", "true,true,RESOLVED"})
    void theStatusFollowsWhatHappened(boolean acknowledged, boolean resolved, AlertStatus status) {
        assertThat(AlertLifecycle.status(acknowledged, resolved)).isEqualTo(status);
    }

    @ParameterizedTest(name = "arrived {0} after: late {1}")
    @CsvSource({"PT0S,false", "PT23H59M,false", "PT24H,false", "PT24H1S,true", "P3D,true", "P16D,true"})
    void lateMeansMoreThanADayAfter(String delay, boolean late) {
        Instant happened = Instant.parse("2026-11-07T08:00:00Z");
        assertThat(LateArrival.isLate(happened, happened.plus(Duration.parse(delay)))).isEqualTo(late);
    }

    @Test
    void withoutAnArrivalNothingIsLate() {
        assertThat(LateArrival.isLate(Instant.EPOCH, null)).isFalse();
        assertThat(LateArrival.isLate(null, Instant.EPOCH)).isFalse();
    }
}
