package org.backtrack.bench;

import java.util.ArrayList;
import java.util.List;

/** Latency samples of one measurement, with percentiles by the nearest-rank method. */
public final class Latencies {

    private final List<Long> nanos = new ArrayList<>();

    public synchronized void add(long sampleNanos) {
        nanos.add(sampleNanos);
    }

    public synchronized int count() {
        return nanos.size();
    }

    /** @param percentile 0 < p <= 100 */
    public synchronized double millis(double percentile) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }

    public double maxMillis() {
        return millis(100);
    }
}
