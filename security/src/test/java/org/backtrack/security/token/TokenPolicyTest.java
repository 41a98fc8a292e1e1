package org.backtrack.security.token;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenPolicyTest {

    @Test
    void sensibleBoundsAreAccepted() {
        var policy = new TokenPolicy(Duration.ZERO, Duration.ofHours(1), Duration.ofSeconds(30));

        assertThat(policy.maxTokenLifetime()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aNegativeClockSkewOrAnEmptyLifetimeIsAConfigurationError() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenPolicy(Duration.ofSeconds(-1), Duration.ofHours(1), Duration.ofSeconds(30)));
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenPolicy(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(30)));
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenPolicy(Duration.ZERO, Duration.ofMinutes(-5), Duration.ofSeconds(30)));
    }

    @Test
    void keysMayBeRefetchedOnlyWithinTheirCacheLifetime() {
        // a refetch interval as long as the cache would let unknown key ids reach the issuer whenever the cache expires
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenPolicy(Duration.ZERO, Duration.ofHours(1), TokenPolicy.JWKS_CACHE_TIME_TO_LIVE));
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenPolicy(Duration.ZERO, Duration.ofHours(1), Duration.ZERO));
        assertThat(new TokenPolicy(Duration.ZERO, Duration.ofHours(1), TokenPolicy.JWKS_CACHE_TIME_TO_LIVE.minusSeconds(1)))
                .isNotNull();
    }
}
