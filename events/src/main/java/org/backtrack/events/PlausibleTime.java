package org.backtrack.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether an instant an event or a request carries ({@code completedAt}, the CloudEvent's {@code time}) is
 * plausible: not before a fixed earliest date, and not more than a small skew ahead of the receiving clock. The
 * earliest date is fixed, never "now minus N days", because a session an app syncs weeks late is legitimate. The
 * skew allows for phones whose clock runs a little fast; it is small so that a forged future time gains little
 * (corrections are ordered by {@code min(time, recorded at)} as well, see progress-service's correction order).
 *
 * @param earliest      the first instant accepted
 * @param maxFutureSkew how far ahead of {@code clock} an instant may be
 */
public record PlausibleTime(Instant earliest, Duration maxFutureSkew, Clock clock) {

    public static final Instant DEFAULT_EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    public static final Duration DEFAULT_MAX_FUTURE_SKEW = Duration.ofMinutes(15);

    public PlausibleTime {
        if (maxFutureSkew.isNegative()) {
            throw new IllegalArgumentException("maxFutureSkew must not be negative");
        }
    }

    public static PlausibleTime defaults(Clock clock) {
        return new PlausibleTime(DEFAULT_EARLIEST, DEFAULT_MAX_FUTURE_SKEW, clock);
    }

    /** @return why {@code instant} is implausible, or empty when it is plausible */
    public Optional<String> problemWith(Instant instant) {
        if (instant.isBefore(earliest)) {
            return Optional.of("must not be before " + earliest);
        }
        if (instant.isAfter(clock.instant().plus(maxFutureSkew))) {
            return Optional.of("must not be more than " + maxFutureSkew.toMinutes() + " minutes in the future");
        }
        return Optional.empty();
    }
}
