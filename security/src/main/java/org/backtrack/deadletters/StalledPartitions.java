package org.backtrack.deadletters;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.backtrack.events.DeadLetterContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Partitions stopped because a dead letter could not be written (its topic missing, or refusing the record). Such a
 * partition is paused, not skipped (the record would be lost) and not spun on (it would hide the fault and burn the
 * consumer): readiness is DOWN while any partition is stalled, the gauge {@value #STALLED_GAUGE} counts them, every
 * failed write counts in {@value #COUNTER} with {@code outcome=failed} and is logged at ERROR with the topic,
 * partition and offset. Every {@code retryInterval} a stalled partition is resumed to try again; it counts as healed
 * once its dead letter was written, or once a whole interval after the retry passed without a new failure (the record
 * went through after all).
 */
public class StalledPartitions implements DisposableBean {

    public static final String COUNTER = "backtrack.dead.letters";
    public static final String STALLED_GAUGE = "backtrack.dead.letters.stalled.partitions";
    private static final Logger log = LoggerFactory.getLogger(StalledPartitions.class);

    /** One stalled partition as the health endpoint shows it. */
    public record Stall(String topic, int partition, long offset, String deadLetterTopic, String reason, Instant since,
                        int failures) {
    }

    private record Failure(TopicPartition source, long offset, String deadLetterTopic, String reason) {
    }

    private static final class Entry {
        final MessageListenerContainer container;
        final Instant since;
        Failure failure;
        Instant lastFailure;
        Instant resumedAt;
        int failures;

        Entry(MessageListenerContainer container, Instant since) {
            this.container = container;
            this.since = since;
        }
    }

    private final Map<TopicPartition, Entry> stalled = new ConcurrentHashMap<>();
    /** Failures seen by the publisher on this consumer thread, paused by the error handler once it is done. */
    private final ThreadLocal<List<Failure>> unpaused = ThreadLocal.withInitial(ArrayList::new);
    private final Duration retryInterval;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ScheduledExecutorService retries;

    public StalledPartitions(Duration retryInterval, MeterRegistry meters, Clock clock) {
        this.retryInterval = retryInterval;
        this.meters = meters;
        this.clock = clock;
        Gauge.builder(STALLED_GAUGE, stalled, Map::size)
                .description("Partitions paused because their dead letter could not be written").register(meters);
        this.retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dead-letter-retries");
            thread.setDaemon(true);
            return thread;
        });
        long tick = Math.max(100, Math.min(5_000, retryInterval.toMillis() / 4));
        retries.scheduleWithFixedDelay(this::retryDue, tick, tick, TimeUnit.MILLISECONDS);
    }

    /** The publisher wrote a dead letter: the partition it came from, if stalled, is healed. */
    void written(ConsumerRecord<?, ?> record, String deadLetterTopic, String reasonKind) {
        counter(deadLetterTopic, "written", reasonKind).increment();
        if (stalled.remove(new TopicPartition(record.topic(), record.partition())) != null) {
            log.info("Dead letters of {}-{} are written again (to {}); the partition carries on",
                    record.topic(), record.partition(), deadLetterTopic);
        }
    }

    /** The publisher could not write a dead letter; the error handler pauses the partition when it is done. */
    void failed(ConsumerRecord<?, ?> record, String deadLetterTopic, String reasonKind, Throwable failure) {
        counter(deadLetterTopic, "failed", reasonKind).increment();
        String why = String.valueOf(NestedExceptionUtils.getMostSpecificCause(failure));
        String reason = new String(DeadLetterContent.text(why), StandardCharsets.UTF_8);
        log.error("Could not write the dead letter of {}-{}@{} to {} ({}); pausing partition {}-{} until it can be written",
                record.topic(), record.partition(), record.offset(), deadLetterTopic, reason, record.topic(), record.partition());
        unpaused.get().add(new Failure(new TopicPartition(record.topic(), record.partition()), record.offset(), deadLetterTopic, reason));
    }

    /** Pauses, on the container that consumed them, the partitions whose dead letters just failed on this thread. */
    void pauseWhereWritesFailed(MessageListenerContainer container) {
        List<Failure> failures = unpaused.get();
        if (failures.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (Failure failure : failures) {
            container.pausePartition(failure.source());
            Entry entry = stalled.computeIfAbsent(failure.source(), tp -> new Entry(container, now));
            synchronized (entry) {
                entry.failure = failure;
                entry.lastFailure = now;
                entry.resumedAt = null;
                entry.failures++;
            }
        }
        failures.clear();
    }

    /** Resumes stalled partitions whose retry is due, and forgets those whose retry went through. */
    void retryDue() {
        try {
            Instant now = clock.instant();
            stalled.forEach((partition, entry) -> {
                synchronized (entry) {
                    if (entry.resumedAt == null && !entry.lastFailure.plus(retryInterval).isAfter(now)) {
                        entry.resumedAt = now;
                        log.warn("Retrying the dead letter of {}@{} to {} (failed {} times since {})", partition,
                                entry.failure.offset(), entry.failure.deadLetterTopic(), entry.failures, entry.since);
                        entry.container.resumePartition(partition);
                    } else if (entry.resumedAt != null && !entry.resumedAt.plus(retryInterval).isAfter(now)) {
                        stalled.remove(partition, entry);
                        log.info("Partition {} carries on: no dead-letter failure since it was resumed", partition);
                    }
                }
            });
        } catch (RuntimeException e) {
            log.error("Retrying stalled partitions failed", e);
        }
    }

    public List<Stall> stalls() {
        List<Stall> stalls = new ArrayList<>();
        stalled.forEach((partition, entry) -> {
            synchronized (entry) {
                stalls.add(new Stall(partition.topic(), partition.partition(), entry.failure.offset(),
                        entry.failure.deadLetterTopic(), entry.failure.reason(), entry.since, entry.failures));
            }
        });
        stalls.sort(Comparator.comparing(Stall::topic).thenComparingInt(Stall::partition));
        return stalls;
    }

    /** DOWN, listing the stalled partitions, while any is stalled. */
    public Health health() {
        List<Stall> stalls = stalls();
        return stalls.isEmpty() ? Health.up().build()
                : Health.down().withDetail("stalledPartitions", stalls).withDetail("retryInterval", retryInterval.toString()).build();
    }

    private Counter counter(String deadLetterTopic, String outcome, String reason) {
        return Counter.builder(COUNTER).description("Dead letters written and failed, by dead-letter topic and kind of reason")
                .tag("topic", deadLetterTopic).tag("outcome", outcome).tag("reason", reason).register(meters);
    }

    @Override
    public void destroy() {
        retries.shutdownNow();
    }
}
