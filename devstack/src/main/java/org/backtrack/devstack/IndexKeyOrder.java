package org.backtrack.devstack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The order of an index's keys in the H2 file, as H2 has always kept it, at a fraction of the cost. mongo-java-server
 * keys its indexes (the {@code _id} index of every collection among them) by {@link KeyValue}, which is not
 * {@link Comparable}, so H2 orders two keys by their Java-serialized bytes and serialized both for every comparison:
 * a lookup among 40,000 ids made about 32 serializations, and the ingestion bench spent most of the server's CPU
 * there (docs/benchmarks.md). Here each key object is serialized once while it is in use (a lookup's key, or a key of
 * a page in H2's cache), so the order, and with it every file written before, stays exactly the same.
 */
final class IndexKeyOrder extends ObjectDataType {

    /** By identity (weak keys), so equal keys of different value types never share bytes. */
    private final Cache<KeyValue, byte[]> serialized = Caffeine.newBuilder().weakKeys().maximumSize(200_000).build();

    @Override
    public int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a instanceof KeyValue first && b instanceof KeyValue second) {
            return compareNotNull(bytesOf(first), bytesOf(second)); // what H2 does for two objects it cannot compare
        }
        return super.compare(a, b);
    }

    private byte[] bytesOf(KeyValue key) {
        return serialized.get(key, ObjectDataType::serialize);
    }
}
