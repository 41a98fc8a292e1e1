package org.backtrack.progress.alerts.rules;

import org.backtrack.events.AlertType;
import org.backtrack.events.Identifiers;
import org.backtrack.events.InvalidEventException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertIdentityTest {

    static final AlertIdentity RED_FLAG = new AlertIdentity("clinic-7", "patient-42", AlertType.RED_FLAG_SYMPTOM,
            AlertIdentity.ofSession("s-1"));

    @Test
    void theSameFactsAlwaysGiveTheSameId() {
        var again = new AlertIdentity("clinic-7", "patient-42", AlertType.RED_FLAG_SYMPTOM, AlertIdentity.ofSession("s-1"));
        assertThat(again.alertId()).isEqualTo(RED_FLAG.alertId());
        assertThat(RED_FLAG.alertId()).startsWith("a-").hasSize(2 + AlertIdentity.HEX_DIGITS).matches("a-[0-9a-f]+");
        assertThat(Identifiers.isValid(RED_FLAG.alertId())).isTrue();
    }

    @Test
    void everyPartOfTheIdentityMatters() {
        Set<String> ids = new HashSet<>();
        ids.add(RED_FLAG.alertId());
        ids.add(new AlertIdentity("clinic-8", "patient-42", AlertType.RED_FLAG_SYMPTOM, AlertIdentity.ofSession("s-1")).alertId());
        ids.add(new AlertIdentity("clinic-7", "patient-43", AlertType.RED_FLAG_SYMPTOM, AlertIdentity.ofSession("s-1")).alertId());
        ids.add(new AlertIdentity("clinic-7", "patient-42", AlertType.SHARP_PAIN, AlertIdentity.ofSession("s-1")).alertId());
        ids.add(new AlertIdentity("clinic-7", "patient-42", AlertType.RED_FLAG_SYMPTOM, AlertIdentity.ofSession("s-2")).alertId());
        assertThat(ids).hasSize(5);
    }

    @Test
    void partsCannotBeShiftedFromOneToAnother() {
        // "a" + "b.c" and "a.b" + "c" would collide if the parts were joined with a character ids may hold
        var one = new AlertIdentity("a", "b.c", AlertType.PAIN_SPIKE, AlertIdentity.ofSession("s"));
        var two = new AlertIdentity("a.b", "c", AlertType.PAIN_SPIKE, AlertIdentity.ofSession("s"));
        assertThat(one.alertId()).isNotEqualTo(two.alertId());
    }

    @ParameterizedTest
    @EnumSource(AlertType.class)
    void episodesOfAbsencesAreNamedAfterTheLastSession(AlertType type) {
        Instant last = Instant.parse("2026-11-20T07:31:00Z");
        assertThat(AlertIdentity.after(last)).isEqualTo("after:2026-11-20T07:31:00Z");
        assertThat(new AlertIdentity("c", "p", type, AlertIdentity.after(last)).alertId())
                .isEqualTo(new AlertIdentity("c", "p", type, AlertIdentity.after(Instant.parse("2026-11-20T07:31:00Z"))).alertId());
    }

    @Test
    void malformedIdsAreRefused() {
        assertThatThrownBy(() -> new AlertIdentity("clinic/7", "p", AlertType.SHARP_PAIN, "e")).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> new AlertIdentity("c", "", AlertType.SHARP_PAIN, "e")).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> AlertIdentity.ofSession("s 1")).isInstanceOf(InvalidEventException.class);
    }
}
