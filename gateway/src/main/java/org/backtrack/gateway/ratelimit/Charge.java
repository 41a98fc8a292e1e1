package org.backtrack.gateway.ratelimit;

import java.util.Objects;

/** One quota a request counts against: its kind and whose it is (a subject, client id, clinic id or address). */
public record Charge(QuotaKind kind, String key) {

    public Charge {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(key);
    }
}
