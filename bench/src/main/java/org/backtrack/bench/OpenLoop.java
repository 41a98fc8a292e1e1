package org.backtrack.bench;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Offers work at a fixed rate whatever the system's answers, as independent patients do. Each task gets the
 * time it was due, so latencies include any wait behind slow answers (no coordinated omission).
 */
public final class OpenLoop {

    /** One unit of offered work: the i-th, due at {@code dueNanos} ({@link System#nanoTime()}). */
    public interface Task {
        void run(int i, long dueNanos) throws Exception;
    }

    private OpenLoop() {
    }

    /**
     * Runs {@code perSecond × duration} tasks, each on its own thread if need be, and waits until all are done.
     *
     * @throws IllegalStateException with the first task's failure, after all tasks ended
     */
    public static void run(double perSecond, Duration duration, Task task) throws InterruptedException {
        long count = Math.round(perSecond * duration.toMillis() / 1000.0);
        long intervalNanos = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        ExecutorService workers = Executors.newCachedThreadPool();
        try {
            for (int i = 0; i < count; i++) {
                long due = start + i * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int index = i;
                workers.execute(() -> {
                    try {
                        task.run(index, due);
                    } catch (Exception e) {
                        firstFailure.compareAndSet(null, e);
                    }
                });
            }
        } finally {
            workers.shutdown();
            workers.awaitTermination(10, TimeUnit.MINUTES);
        }
        if (firstFailure.get() != null) {
            throw new IllegalStateException("offered work failed", firstFailure.get());
        }
    }
}
