package org.backtrack.progress.webhooks.rules;

import java.time.Duration;
import java.time.Instant;

/**
 * When an endpoint is disabled: once {@code exhaustedInARow} deliveries in a row have used up every attempt of the
 * {@link RetrySchedule} without one success in between, and the endpoint has been failing (no successful delivery
 * since its first failed attempt) for at least {@code failingFor}. The defaults, 5 exhausted deliveries and 5 days,
 * mean an endpoint that answers nothing but errors for five days, and has had events to deliver, stops being called;
 * a receiver away for a day or two, or one that fails a few events, is never disabled. Any successful delivery resets
 * both counts. The clinic's administrators are told by a {@code backtrack.progress.webhook-endpoint-disabled.v1}
 * event; {@code PATCH {"enabled": true}} enables the endpoint again.
 */
public record DisablePolicy(int exhaustedInARow, Duration failingFor) {

    public static final DisablePolicy DEFAULT = new DisablePolicy(5, Duration.ofDays(5));

    public DisablePolicy {
        if (exhaustedInARow < 1 || failingFor.isNegative()) {
            throw new IllegalArgumentException("at least one exhausted delivery, a failing time of zero or more");
        }
    }

    /**
     * @param exhausted    deliveries exhausted in a row, the one just exhausted included
     * @param failingSince the first failed attempt since the last success
     */
    public boolean disables(int exhausted, Instant failingSince, Instant now) {
        return exhausted >= exhaustedInARow && failingSince != null && !failingSince.plus(failingFor).isAfter(now);
    }
}
