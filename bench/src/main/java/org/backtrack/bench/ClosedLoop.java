package org.backtrack.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** A fixed number of clients, each sending its next request as soon as the last one is answered. */
public final class ClosedLoop {

    /** One request; returns the HTTP status. */
    public interface Request {
        int send(int client, int i) throws Exception;
    }

    /** Answers per second over the run, latency percentiles, and answers that were not 2xx. */
    public record Result(int clients, double perSecond, Latencies latencies, int failures) {
    }

    private ClosedLoop() {
    }

    public static Result run(int clients, Duration warmUp, Duration duration, Request request) throws Exception {
        drive(clients, warmUp, request, new Latencies(), new AtomicInteger()); // JIT and connection pools first
        Latencies latencies = new Latencies();
        AtomicInteger failures = new AtomicInteger();
        long took = drive(clients, duration, request, latencies, failures);
        return new Result(clients, latencies.count() / (took / 1e9), latencies, failures.get());
    }

    private static long drive(int clients, Duration duration, Request request, Latencies latencies, AtomicInteger failures)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    for (int i = 0; System.nanoTime() < end; i++) {
                        long sent = System.nanoTime();
                        int status = request.send(client, i);
                        latencies.add(System.nanoTime() - sent);
                        if (status / 100 != 2) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return System.nanoTime() - start;
    }
}
