package org.backtrack.deadletters;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.backtrack.events.InvalidEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import java.time.Duration;
import java.util.List;

/**
 * The error policy of every BackTrack consumer. A failure retrying cannot fix ({@link PermanentFailures}) sends the
 * record to {@code <topic>-dlt} at once, through {@link DeadLetterPublisher}; anything else is retried with back-off
 * (0.5 s doubling up to {@code maxRetryInterval}) for as long as it takes, so a valid record is never dead-lettered
 * for a passing fault and its offset is never committed before it was handled. When the dead letter itself cannot be
 * written, the partition is paused ({@link StalledPartitions}) once spring-kafka has put the record back.
 */
public class DeadLetterErrorHandler extends DefaultErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterErrorHandler.class);
    private static final FixedBackOff NO_RETRY = new FixedBackOff(0, 0);

    private final StalledPartitions stalls;

    public DeadLetterErrorHandler(DeadLetterPublisher publisher, StalledPartitions stalls, Duration maxRetryInterval) {
        super(publisher, backOff(maxRetryInterval));
        this.stalls = stalls;
        addNotRetryableExceptions(InvalidEventException.class);
        setBackOffFunction((record, failure) -> PermanentFailures.isPermanent(failure) ? NO_RETRY : null);
        setRetryListeners((record, failure, attempt) -> log.warn("{}-{}@{} failed (attempt {}), retrying: {}",
                record.topic(), record.partition(), record.offset(), attempt,
                NestedExceptionUtils.getMostSpecificCause(failure).toString()));
    }

    private static ExponentialBackOff backOff(Duration maxRetryInterval) {
        var backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(maxRetryInterval.toMillis());
        return backOff; // no maximum elapsed time: failures that may heal are retried until they do
    }

    @Override
    public boolean handleOne(Exception thrownException, ConsumerRecord<?, ?> record, Consumer<?, ?> consumer,
                             MessageListenerContainer container) {
        try {
            return super.handleOne(thrownException, record, consumer, container);
        } finally {
            stalls.pauseWhereWritesFailed(container);
        }
    }

    @Override
    public void handleRemaining(Exception thrownException, List<ConsumerRecord<?, ?>> records, Consumer<?, ?> consumer,
                                MessageListenerContainer container) {
        try {
            super.handleRemaining(thrownException, records, consumer, container);
        } finally {
            stalls.pauseWhereWritesFailed(container);
        }
    }

    @Override
    public void handleBatch(Exception thrownException, ConsumerRecords<?, ?> data, Consumer<?, ?> consumer,
                            MessageListenerContainer container, Runnable invokeListener) {
        try {
            super.handleBatch(thrownException, data, consumer, container, invokeListener);
        } finally {
            stalls.pauseWhereWritesFailed(container);
        }
    }

    @Override
    public <K, V> ConsumerRecords<K, V> handleBatchAndReturnRemaining(Exception thrownException, ConsumerRecords<?, ?> data,
                                                                      Consumer<?, ?> consumer, MessageListenerContainer container,
                                                                      Runnable invokeListener) {
        try {
            return super.handleBatchAndReturnRemaining(thrownException, data, consumer, container, invokeListener);
        } finally {
            stalls.pauseWhereWritesFailed(container);
        }
    }
}
