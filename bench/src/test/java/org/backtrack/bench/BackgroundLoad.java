package org.backtrack.bench;

import org.backtrack.events.SessionCompleted;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Steady traffic while a fault happens: sessions through routine-service's API (posted until accepted) and events
 * straight onto the topic, spread round-robin over the run's patients. Every accepted session id is kept for the
 * reconciliation.
 */
final class BackgroundLoad {

    private final SessionFactory sessions;
    private final SessionPoster poster;
    private final DirectSessions direct;
    private final AtomicIntegerArray nextIndex;
    private final Set<String> accepted;
    private final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService posts = Executors.newCachedThreadPool();
    private final Thread ticker;

    BackgroundLoad(SessionFactory sessions, SessionPoster poster, DirectSessions direct, AtomicIntegerArray nextIndex,
                   Set<String> accepted, double httpPerSecond, int directEvery) {
        this.sessions = sessions;
        this.poster = poster;
        this.direct = direct;
        this.nextIndex = nextIndex;
        this.accepted = accepted;
        long interval = (long) (1e9 / httpPerSecond);
        ticker = new Thread(() -> {
            long next = System.nanoTime();
            for (int tick = 0; running.get(); tick++) {
                SessionCompleted session = nextSession(tick);
                if (directEvery > 0 && tick % directEvery == 0) {
                    // off this thread: while the broker is away send() can block on metadata, and the API load must go on
                    posts.execute(() -> sendDirectly(session));
                } else {
                    posts.execute(() -> post(session));
                }
                next += interval;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "background-load");
        ticker.start();
    }

    private SessionCompleted nextSession(int tick) {
        int patient = tick % nextIndex.length();
        return sessions.session(patient, nextIndex.getAndIncrement(patient));
    }

    private void post(SessionCompleted session) {
        try {
            var answer = poster.post(session);
            statuses.merge(answer.status(), 1, Integer::sum);
            accepted.add(session.sessionId());
        } catch (Exception e) {
            failure.compareAndSet(null, e);
        }
    }

    private void sendDirectly(SessionCompleted session) {
        try {
            direct.send(session); // the producer buffers and retries through broker outages
            accepted.add(session.sessionId());
        } catch (Exception e) {
            failure.compareAndSet(null, e);
        }
    }

    /** Stops offering work and waits until every session in flight is accepted; returns the count per final status. */
    Map<Integer, Integer> stop() throws Exception {
        running.set(false);
        ticker.join();
        posts.shutdown();
        if (!posts.awaitTermination(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("sessions still not accepted after five minutes");
        }
        direct.flush();
        if (failure.get() != null) {
            throw failure.get();
        }
        return Map.copyOf(statuses);
    }
}
