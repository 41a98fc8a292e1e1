package org.backtrack.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitsTest {

    static RateLimits limits(long maxKeys) {
        Map<QuotaKind, Quota> quotas = new EnumMap<>(QuotaKind.class);
        quotas.put(QuotaKind.PERSON, new Quota(0.001, 3));
        quotas.put(QuotaKind.CLIENT, new Quota(0.001, 5));
        quotas.put(QuotaKind.CLINIC, new Quota(0.001, 4));
        quotas.put(QuotaKind.ANONYMOUS, new Quota(0.001, 2));
        return new RateLimits(quotas, maxKeys);
    }

    @Test
    void aCallerGetsItsBurstThenARefusalNamingTheQuotaAndTheWait() {
        RateLimits limits = limits(1_000);
        List<Charge> alice = List.of(new Charge(QuotaKind.PERSON, "alice"));
        for (int i = 0; i < 3; i++) {
            assertThat(limits.tryTake(alice).allowed()).isTrue();
        }
        RateLimits.Verdict refused = limits.tryTake(alice);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.exceeded()).isEqualTo(QuotaKind.PERSON);
        assertThat(refused.retryAfterSeconds()).isBetween(999L, 1_000L);
    }

    @Test
    void aRefusalByTheClinicGivesThePersonsTokenBack() {
        RateLimits limits = limits(1_000);
        for (int i = 0; i < 4; i++) {
            assertThat(limits.tryTake(List.of(new Charge(QuotaKind.CLIENT, "c" + i), new Charge(QuotaKind.CLINIC, "k"))).allowed()).isTrue();
        }
        List<Charge> bob = List.of(new Charge(QuotaKind.PERSON, "bob"), new Charge(QuotaKind.CLINIC, "k"));
        assertThat(limits.tryTake(bob).exceeded()).isEqualTo(QuotaKind.CLINIC);
        assertThat(limits.tryTake(bob).exceeded()).isEqualTo(QuotaKind.CLINIC);
        // bob's own quota (3) is untouched by the two refusals
        for (int i = 0; i < 3; i++) {
            assertThat(limits.tryTake(List.of(new Charge(QuotaKind.PERSON, "bob"))).allowed()).isTrue();
        }
        assertThat(limits.tryTake(List.of(new Charge(QuotaKind.PERSON, "bob"))).allowed()).isFalse();
    }

    @Test
    void retryAfterIsRoundedUpToWholeSecondsAndAtLeastOne() {
        assertThat(new RateLimits.Verdict(QuotaKind.PERSON, new Quota(1, 1), 1).retryAfterSeconds()).isEqualTo(1);
        assertThat(new RateLimits.Verdict(QuotaKind.PERSON, new Quota(1, 1), 1_000_000_000L).retryAfterSeconds()).isEqualTo(1);
        assertThat(new RateLimits.Verdict(QuotaKind.PERSON, new Quota(1, 1), 1_000_000_001L).retryAfterSeconds()).isEqualTo(2);
        assertThat(new RateLimits.Verdict(QuotaKind.PERSON, new Quota(1, 1), 0).retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void theStoreOfAQuotaNeverHoldsMoreThanMaxKeys() {
        RateLimits limits = limits(1_000);
        for (int i = 0; i < 20_000; i++) {
            limits.tryTake(List.of(new Charge(QuotaKind.ANONYMOUS, "10.0." + (i >> 8) + "." + (i & 255))));
        }
        assertThat(limits.size(QuotaKind.ANONYMOUS)).isLessThanOrEqualTo(1_000);
    }

    @Test
    void quotasMustBePositiveAndAllPresent() {
        assertThatThrownBy(() -> new Quota(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Quota(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimits(Map.of(QuotaKind.PERSON, new Quota(1, 1)), 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("client");
    }
}
