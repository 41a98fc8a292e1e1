package org.backtrack.gateway.ratelimit;

/**
 * A token-bucket quota: {@code perSecond} requests sustained, up to {@code burst} at once after a quiet spell.
 */
public record Quota(double perSecond, long burst) {

    public Quota {
        if (!(perSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("a quota needs per-second > 0 and burst >= 1");
        }
    }

    /** How long an untouched bucket takes to fill up again: after that, forgetting it changes nothing. */
    long nanosToRefillFully() {
        return (long) Math.ceil(burst * 1e9 / perSecond);
    }

    /** The time one token takes to come back. */
    long nanosPerToken() {
        return Math.max(1, Math.round(1e9 / perSecond));
    }
}
