package org.backtrack.devstack;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The remembered order is H2's own, so index maps written before keep working. */
class IndexKeyOrderTest {

    @Test
    void ordersKeysExactlyAsH2sSerializedComparisonDoes() {
        Random random = new Random(20261202);
        ObjectDataType h2 = new ObjectDataType();
        IndexKeyOrder order = new IndexKeyOrder();
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            keys.add(switch (random.nextInt(4)) {
                case 0 -> new KeyValue("clinic-" + random.nextInt(5) + ":s" + random.nextInt(100_000));
                case 1 -> new KeyValue(random.nextInt(1000) - 500);
                case 2 -> new KeyValue("p" + random.nextInt(50), random.nextLong());
                default -> new KeyValue("é✓" + random.nextInt(30));
            });
        }
        for (KeyValue a : keys) {
            for (KeyValue b : keys.subList(0, 100)) {
                // fresh copies too: a lookup's key is a new object equal to a stored one
                KeyValue copy = new KeyValue(a.iterator().next());
                assertThat(Integer.signum(order.compare(a, b))).as("%s vs %s", a, b).isEqualTo(Integer.signum(h2.compare(a, b)));
                assertThat(Integer.signum(order.compare(copy, b))).isEqualTo(Integer.signum(h2.compare(copy, b)));
            }
        }
        assertThat(order.compare("a", "b")).as("other keys as H2 orders them").isNegative();
    }
}
