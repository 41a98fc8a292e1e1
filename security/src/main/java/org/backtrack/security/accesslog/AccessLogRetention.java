package org.backtrack.security.accesslog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the {@link AccessLog} to {@code backtrack.access-log.retention}: deletes older entries on start (after a
 * short delay) and then every {@code backtrack.access-log.purge-interval}. A scheduled delete rather than a TTL
 * index, because the embedded MongoDB-wire server accepts TTL indexes but never expires anything; the same code then
 * holds on MongoDB, where the delete uses the index on {@code at}.
 */
public final class AccessLogRetention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AccessLogRetention.class);
    private static final Duration FIRST_PURGE_AFTER = Duration.ofMinutes(1);

    private final AccessLog accessLog;
    private final Duration retention;
    private final Duration interval;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public AccessLogRetention(AccessLog accessLog, Duration retention, Duration interval, Clock clock) {
        if (retention.isNegative() || retention.isZero() || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("backtrack.access-log.retention and .purge-interval must be positive");
        }
        this.accessLog = accessLog;
        this.retention = retention;
        this.interval = interval;
        this.clock = clock;
    }

    /** @return how many entries older than the retention were deleted */
    public long purge() {
        return accessLog.deleteOlderThan(clock.instant().minus(retention));
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "access-log-retention");
            thread.setDaemon(true);
            return thread;
        });
        long first = Math.min(FIRST_PURGE_AFTER.toMillis(), interval.toMillis());
        scheduler.scheduleWithFixedDelay(this::purgeLogged, first, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void purgeLogged() {
        try {
            long deleted = purge();
            if (deleted > 0) {
                log.info("Deleted {} access log entries older than {}", deleted, retention);
            }
        } catch (RuntimeException e) {
            // the next run tries again; entries only stay a little longer than they should
            log.warn("Access log retention could not delete old entries: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
