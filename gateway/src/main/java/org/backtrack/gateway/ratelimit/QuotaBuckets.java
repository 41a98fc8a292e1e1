package org.backtrack.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import java.time.Duration;

/**
 * The Bucket4j buckets of one quota, one per key, in a Caffeine cache. A bucket left alone until it would be full
 * again expires (dropping it then changes nothing), and past {@code maxKeys} single entries are evicted by Caffeine's
 * frequency-aware policy, so callers seen often keep their buckets while one-off keys come and go. There is no reset
 * of the whole store.
 */
final class QuotaBuckets {

    private final QuotaKind kind;
    private final Quota quota;
    private final Bandwidth limit;
    private final Cache<String, Bucket> buckets;

    QuotaBuckets(QuotaKind kind, Quota quota, long maxKeys) {
        this.kind = kind;
        this.quota = quota;
        this.limit = Bandwidth.builder().capacity(quota.burst())
                .refillGreedy(1, Duration.ofNanos(quota.nanosPerToken())).build();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .expireAfterAccess(Duration.ofNanos(quota.nanosToRefillFully()).plusSeconds(1))
                .build();
    }

    QuotaKind kind() {
        return kind;
    }

    Quota quota() {
        return quota;
    }

    Bucket bucketOf(String key) {
        return buckets.get(key, k -> Bucket.builder().addLimit(limit).build());
    }

    /** Buckets held now, after pending evictions are carried out. */
    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}
