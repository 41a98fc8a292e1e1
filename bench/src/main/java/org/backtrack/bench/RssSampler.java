package org.backtrack.bench;

import org.backtrack.devstack.ProcessStats;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Samples the resident memory of every part twice a second and keeps the peak of each. */
public final class RssSampler implements AutoCloseable {

    private final Map<String, Long> peakMegabytes = new TreeMap<>();
    private final Thread thread;

    /** @param pids the parts' process ids, asked again at each sample (a restarted service has a new one) */
    public RssSampler(Supplier<Map<String, Long>> pids) {
        thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                pids.get().forEach((part, pid) -> ProcessStats.rssMegabytes(pid)
                        .ifPresent(mb -> record(part, mb)));
                record("bench + MongoDB-wire (this JVM)", ProcessStats.rssMegabytes(ProcessHandle.current().pid()).orElse(0));
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private synchronized void record(String part, long megabytes) {
        peakMegabytes.merge(part, megabytes, Math::max);
    }

    public synchronized Map<String, Long> peaks() {
        return new TreeMap<>(peakMegabytes);
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
