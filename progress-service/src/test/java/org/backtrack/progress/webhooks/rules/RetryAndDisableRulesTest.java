package org.backtrack.progress.webhooks.rules;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The retry schedule and the disable policy. */
class RetryAndDisableRulesTest {

    static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void theDefaultScheduleTriesEightTimesOverMoreThanADay() {
        RetrySchedule schedule = RetrySchedule.DEFAULT;
        assertThat(schedule.maxAttempts()).isEqualTo(8);
        assertThat(schedule.span()).isGreaterThanOrEqualTo(Duration.ofHours(24)).isEqualTo(Duration.parse("PT27H35M5S"));
        assertThat(schedule.firstAttempt(T)).isEqualTo(T);
        assertThat(schedule.nextAttempt(1, T)).contains(T.plusSeconds(5));
        assertThat(schedule.nextAttempt(2, T)).contains(T.plus(Duration.ofMinutes(5)));
        assertThat(schedule.nextAttempt(3, T)).contains(T.plus(Duration.ofMinutes(30)));
        assertThat(schedule.nextAttempt(4, T)).contains(T.plus(Duration.ofHours(2)));
        assertThat(schedule.nextAttempt(5, T)).contains(T.plus(Duration.ofHours(5)));
        assertThat(schedule.nextAttempt(6, T)).contains(T.plus(Duration.ofHours(10)));
        assertThat(schedule.nextAttempt(7, T)).contains(T.plus(Duration.ofHours(10)));
        assertThat(schedule.nextAttempt(8, T)).as("exhausted").isEmpty();
    }

    @Test
    void aConfiguredScheduleIsTakenAsGivenAndABrokenOneRefused() {
        RetrySchedule quick = new RetrySchedule(List.of(Duration.ZERO, Duration.ofSeconds(1)));
        assertThat(quick.nextAttempt(1, T)).contains(T.plusSeconds(1));
        assertThat(quick.nextAttempt(2, T)).isEmpty();
        assertThatThrownBy(() -> new RetrySchedule(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(List.of(Duration.ofSeconds(-1)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> quick.nextAttempt(0, T)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEndpointIsDisabledOnlyAfterFiveExhaustedDeliveriesInARowAndFiveDaysOfFailing() {
        DisablePolicy policy = DisablePolicy.DEFAULT;
        Instant now = T.plus(Duration.ofDays(5));
        assertThat(policy.disables(5, T, now)).isTrue();
        assertThat(policy.disables(9, T.minusSeconds(1), now)).isTrue();
        assertThat(policy.disables(4, T, now)).as("four exhausted").isFalse();
        assertThat(policy.disables(50, T.plusSeconds(1), now)).as("failing for less than five days").isFalse();
        assertThat(policy.disables(50, null, now)).as("not failing").isFalse();
    }

    @Test
    void aShorterPolicyForTestsAndRefusedSettings() {
        DisablePolicy quick = new DisablePolicy(1, Duration.ZERO);
        assertThat(quick.disables(1, T, T)).isTrue();
        assertThat(quick.disables(0, T, T)).isFalse();
        assertThatThrownBy(() -> new DisablePolicy(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void subscriptionRulesRefuseUnknownTypesLongDescriptionsControlCharactersAndTooMany() {
        List<String> known = List.of("a.v1", "b.v1");
        assertThat(SubscriptionRules.eventTypes(List.of("b.v1", "a.v1", "b.v1"), known)).containsExactly("b.v1", "a.v1");
        assertThatThrownBy(() -> SubscriptionRules.eventTypes(List.of(), known)).hasFieldOrPropertyWithValue("field", "eventTypes");
        assertThatThrownBy(() -> SubscriptionRules.eventTypes(null, known)).hasFieldOrPropertyWithValue("field", "eventTypes");
        assertThatThrownBy(() -> SubscriptionRules.eventTypes(List.of("c.v1"), known)).hasMessageContaining("a.v1, b.v1");
        assertThat(SubscriptionRules.description("  CRM sync  ")).isEqualTo("CRM sync");
        assertThat(SubscriptionRules.description(" ")).isNull();
        assertThatThrownBy(() -> SubscriptionRules.description("x".repeat(501))).hasFieldOrPropertyWithValue("field", "description");
        assertThatThrownBy(() -> SubscriptionRules.description("a\u0000b")).hasFieldOrPropertyWithValue("field", "description");
        assertThatThrownBy(() -> SubscriptionRules.description("a\u202eb")).hasFieldOrPropertyWithValue("field", "description");
        SubscriptionRules.withinLimit(19, 20);
        assertThatThrownBy(() -> SubscriptionRules.withinLimit(20, 20)).isInstanceOf(SubscriptionRules.LimitReachedException.class);
    }
}
