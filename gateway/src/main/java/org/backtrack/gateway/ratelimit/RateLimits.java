package org.backtrack.gateway.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** All the gateway's quotas: takes one request from each quota a caller counts against, or says which one is used up. */
public final class RateLimits {

    /** What happened to a request: let through, or refused by {@code quota} for {@code nanosToWait}. */
    public record Verdict(QuotaKind exceeded, Quota quota, long nanosToWait) {

        static final Verdict ALLOWED = new Verdict(null, null, 0);

        public boolean allowed() {
            return exceeded == null;
        }

        /** Retry-After in whole seconds, rounded up, at least 1. */
        public long retryAfterSeconds() {
            return Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L);
        }
    }

    private final Map<QuotaKind, QuotaBuckets> quotas = new EnumMap<>(QuotaKind.class);

    public RateLimits(Map<QuotaKind, Quota> quotas, long maxKeysPerQuota) {
        for (QuotaKind kind : QuotaKind.values()) {
            Quota quota = quotas.get(kind);
            if (quota == null) {
                throw new IllegalArgumentException("no rate limit for " + kind.settingName());
            }
            this.quotas.put(kind, new QuotaBuckets(kind, quota, maxKeysPerQuota));
        }
    }

    /**
     * Takes one token from every quota in order. If one is used up, the tokens already taken are given back, so a
     * caller refused by its clinic's quota does not also use up its own.
     */
    public Verdict tryTake(List<Charge> charges) {
        List<Bucket> taken = new ArrayList<>(charges.size());
        for (Charge charge : charges) {
            QuotaBuckets buckets = quotas.get(charge.kind());
            Bucket bucket = buckets.bucketOf(charge.key());
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                taken.forEach(b -> b.addTokens(1));
                return new Verdict(charge.kind(), buckets.quota(), probe.getNanosToWaitForRefill());
            }
            taken.add(bucket);
        }
        return Verdict.ALLOWED;
    }

    /** Buckets currently held for one quota (for tests and the size bound). */
    public long size(QuotaKind kind) {
        return quotas.get(kind).size();
    }

    public Quota quota(QuotaKind kind) {
        return quotas.get(kind).quota();
    }
}
