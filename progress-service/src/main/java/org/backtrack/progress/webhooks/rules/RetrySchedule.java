package org.backtrack.progress.webhooks.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a delivery is attempted: the first attempt after {@code delays[0]} (normally at once), and after the n-th
 * failed attempt the next after {@code delays[n]}; after the last a delivery is exhausted (FAILED). The default,
 * {@link #DEFAULT}, is Svix's: at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, eight attempts spanning 27 h 35 min 5 s,
 * so a receiver away for a day still gets everything. A 2xx answer delivers; any other status, a timeout, a refused
 * connection or a refused address is a failed attempt.
 */
public final class RetrySchedule {

    public static final RetrySchedule DEFAULT = new RetrySchedule(List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10)));

    private final List<Duration> delays;

    public RetrySchedule(List<Duration> delays) {
        if (delays.isEmpty() || delays.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("a retry schedule has at least one delay and none negative");
        }
        this.delays = List.copyOf(delays);
    }

    public int maxAttempts() {
        return delays.size();
    }

    /** From the first attempt's due time to the last's. */
    public Duration span() {
        return delays.stream().skip(1).reduce(Duration.ZERO, Duration::plus);
    }

    /** When the first attempt of a new delivery is due. */
    public Instant firstAttempt(Instant queuedAt) {
        return queuedAt.plus(delays.get(0));
    }

    /**
     * @param failedAttempts the attempts made so far, all failed (at least 1)
     * @return when the next attempt is due; empty when the delivery is exhausted
     */
    public Optional<Instant> nextAttempt(int failedAttempts, Instant failedAt) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt was made");
        }
        return failedAttempts < delays.size() ? Optional.of(failedAt.plus(delays.get(failedAttempts))) : Optional.empty();
    }
}
