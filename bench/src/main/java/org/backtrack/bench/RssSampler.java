package org.backtrack.bench;

import org.backtrack.devstack.ProcessStats;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Samples the resident memory of every part twice a second and keeps the peak of each. */
public final class RssSampler implements AutoCloseable {

    static final String THIS_JVM = "bench + MongoDB-wire server (one JVM)";

    private final Map<String, Long> peakMegabytes = new TreeMap<>();
    private final Thread thread;

    /** @param pids the parts' process ids, asked again at each sample (a restarted service has a new one) */
    public RssSampler(Supplier<Map<String, Long>> pids) {
        thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                pids.get().forEach((part, pid) -> ProcessStats.rssMegabytes(pid)
                        .ifPresent(mb -> record(part, mb)));
                record(THIS_JVM, ProcessStats.rssMegabytes(ProcessHandle.current().pid()).orElse(0));
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

    /** Resident memory of every part now. */
    public static Map<String, Long> now(Supplier<Map<String, Long>> pids) {
        Map<String, Long> now = new TreeMap<>();
        pids.get().forEach((part, pid) -> ProcessStats.rssMegabytes(pid).ifPresent(mb -> now.put(part, mb)));
        now.put(THIS_JVM, ProcessStats.rssMegabytes(ProcessHandle.current().pid()).orElse(0));
        return now;
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
