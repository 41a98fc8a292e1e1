package org.backtrack.deadletters;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.backtrack.events.DeadLetterContent;
import org.backtrack.events.Topics;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.KafkaHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes dead letters, bounded so that each fits its topic whatever arrived ({@link DeadLetterContent}): the value
 * whole up to the contract's largest event, else an excerpt with the original's size and SHA-256; the key and the
 * original headers within budgets; the reason and the exception message in at most 1 KiB each; no stack trace.
 * It sends with its own producer, whose waits are bounded by {@code sendTimeout}, so a missing dead-letter topic fails
 * in seconds rather than blocking for the producer's default minute; a failure is reported to
 * {@link StalledPartitions} and thrown, so the record is neither committed nor skipped.
 */
public class DeadLetterPublisher extends DeadLetterPublishingRecoverer implements DisposableBean {

    /** Written by {@link #exceptionHeaders}, which first removes any the record carried. */
    private static final Set<String> EXCEPTION_HEADERS = Set.of(KafkaHeaders.DLT_EXCEPTION_FQCN,
            KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN, KafkaHeaders.DLT_EXCEPTION_MESSAGE);

    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final StalledPartitions stalls;
    private final Duration sendTimeout;

    public DeadLetterPublisher(DefaultKafkaProducerFactory<byte[], byte[]> producers, StalledPartitions stalls, Duration sendTimeout) {
        super(new KafkaTemplate<>(producers));
        this.producers = producers;
        this.stalls = stalls;
        this.sendTimeout = sendTimeout;
        setFailIfSendResultIsError(true);
        setWaitForSendResultTimeout(sendTimeout);
        setTimeoutBuffer(0);
        // the real original-topic/partition/offset headers come after any forged ones the record carried; the last wins
        setAppendOriginalHeaders(true);
        setExceptionHeadersCreator(DeadLetterPublisher::exceptionHeaders);
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
        String deadLetterTopic = Topics.deadLetterOf(record.topic());
        String reason = reasonKind(exception);
        try {
            super.accept(record, consumer, exception);
        } catch (RuntimeException failed) {
            stalls.failed(record, deadLetterTopic, reason, failed);
            throw failed;
        }
        stalls.written(record, deadLetterTopic, reason);
    }

    /**
     * The one step of BackTrack's batch listeners: {@code each} reads (and may act on) the records of a poll in order; a
     * record it fails permanently ({@link PermanentFailures}: broken contract, a document the database refuses) is
     * dead-lettered with the reason and the rest go on. On any other failure, or a dead letter that cannot be written,
     * {@code applied} first applies what came before the record, which then goes to the error handler by position
     * ({@link #acceptInBatch}); otherwise {@code applied} runs once, at the end.
     */
    public <K, V> void forEachOrDeadLetter(List<ConsumerRecord<K, V>> records, Consumer<?, ?> consumer,
                                           java.util.function.Consumer<ConsumerRecord<K, V>> each, Runnable applied) {
        for (ConsumerRecord<K, V> record : records) {
            try {
                each.accept(record);
            } catch (RuntimeException failed) {
                if (PermanentFailures.isPermanent(failed)) {
                    try {
                        acceptInBatch(record, consumer, failed);
                        continue;
                    } catch (BatchListenerFailedException unwritable) {
                        applied.run(); // nothing is skipped or applied out of order
                        throw unwritable;
                    }
                }
                applied.run(); // the error handler retries from this record: a passing fault heals
                throw new BatchListenerFailedException(String.valueOf(failed.getMessage()), failed, record);
            }
        }
        applied.run();
    }

    /**
     * Dead-letters a record of a batch; should the dead letter not be written, the record goes to the error handler by
     * position: what came before it is committed, and the handler tries once more and, failing, stalls the partition
     * visibly.
     */
    public void acceptInBatch(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception reason) {
        try {
            accept(record, consumer, reason);
        } catch (RuntimeException unwritable) {
            throw new BatchListenerFailedException(String.valueOf(reason.getMessage()), reason, record);
        }
    }

    /**
     * Sends and waits for the broker's acknowledgement, keeping why it failed (a topic missing from the metadata, a
     * record the topic refuses) as the cause, for the stall's reason and log.
     */
    @Override
    protected void publish(ProducerRecord<Object, Object> outRecord, KafkaOperations<Object, Object> kafkaTemplate,
                           ConsumerRecord<?, ?> inRecord) {
        String failed = "Dead-letter publication to " + outRecord.topic() + " failed for " + inRecord.topic() + "-"
                + inRecord.partition() + "@" + inRecord.offset();
        try {
            kafkaTemplate.send(outRecord).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException(failed, e);
        } catch (ExecutionException e) {
            throw new KafkaException(failed, e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            throw new KafkaException(failed, e);
        }
    }

    /** The class names and the most specific message, bounded; spring-kafka's stack-trace headers are never written. */
    private static void exceptionHeaders(Headers headers, Exception exception, boolean isKey, HeaderNames names) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(exception);
        var info = names.getExceptionInfo();
        headers.remove(info.getExceptionFqcn());
        headers.remove(info.getExceptionCauseFqcn());
        headers.remove(info.getExceptionMessage());
        headers.add(info.getExceptionFqcn(), DeadLetterContent.text(exception.getClass().getName()));
        if (cause != exception) {
            headers.add(info.getExceptionCauseFqcn(), DeadLetterContent.text(cause.getClass().getName()));
        }
        headers.add(info.getExceptionMessage(), DeadLetterContent.text(reason(exception)));
    }

    /**
     * The kind of reason, for the dead-letter counter's {@code reason} tag: the most specific cause's class name (a
     * handful of values, such as {@code InvalidEventException}), never its message, which would make a series per record.
     */
    static String reasonKind(Exception exception) {
        return NestedExceptionUtils.getMostSpecificCause(exception).getClass().getSimpleName();
    }

    static String reason(Exception exception) {
        return String.valueOf(NestedExceptionUtils.getMostSpecificCause(exception).getMessage());
    }

    @Override
    protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record, TopicPartition topicPartition,
                                                                  Headers headers, byte[] key, byte[] value) {
        byte[] original = bytes(value != null ? value : record.value());
        Headers bounded = new RecordHeaders();
        int budget = DeadLetterContent.MAX_ORIGINAL_HEADER_BYTES;
        int dropped = 0;
        for (Header header : record.headers()) {
            int cost = size(header);
            if (!DeadLetterContent.isDeadLetterHeader(header.key()) && cost <= budget) {
                bounded.add(header);
                budget -= cost;
            } else {
                dropped++;
            }
        }
        // what spring-kafka added comes after any same-named header the record carried (those are forged or stale):
        // a name counts as added when it occurs more often than in the record; the exception headers are always ours
        Map<String, Integer> carried = new HashMap<>();
        record.headers().forEach(h -> carried.merge(h.key(), 1, Integer::sum));
        Map<String, List<byte[]>> occurrences = new LinkedHashMap<>();
        for (Header header : headers) {
            if (DeadLetterContent.isDeadLetterHeader(header.key())) {
                occurrences.computeIfAbsent(header.key(), k -> new ArrayList<>())
                        .add(header.value() == null ? new byte[0] : header.value());
            }
        }
        Map<String, byte[]> added = new LinkedHashMap<>();
        occurrences.forEach((name, values) -> {
            if (EXCEPTION_HEADERS.contains(name) || values.size() > carried.getOrDefault(name, 0)) {
                byte[] last = values.get(values.size() - 1);
                added.put(name, last.length <= DeadLetterContent.MAX_TEXT_BYTES ? last
                        : Arrays.copyOf(last, DeadLetterContent.MAX_TEXT_BYTES));
            }
        });
        added.forEach(bounded::add);
        bounded.add(DeadLetterContent.REASON_HEADER, added.getOrDefault(KafkaHeaders.DLT_EXCEPTION_MESSAGE, new byte[0]));
        bounded.add(DeadLetterContent.ORIGINAL_BYTES_HEADER, ascii(String.valueOf(original == null ? 0 : original.length)));
        bounded.add(DeadLetterContent.ORIGINAL_SHA256_HEADER, ascii(DeadLetterContent.sha256(original)));
        if (DeadLetterContent.truncates(original)) {
            bounded.add(DeadLetterContent.TRUNCATED_HEADER, ascii("true"));
        }
        if (dropped > 0) {
            bounded.add(DeadLetterContent.HEADERS_DROPPED_HEADER, ascii(String.valueOf(dropped)));
        }
        byte[] boundedKey = DeadLetterContent.key(bytes(key != null ? key : record.key()));
        return new ProducerRecord<>(topicPartition.topic(), topicPartition.partition() < 0 ? null : topicPartition.partition(),
                boundedKey, DeadLetterContent.excerpt(original), bounded);
    }

    private static int size(Header header) {
        return header.key().getBytes(StandardCharsets.UTF_8).length + (header.value() == null ? 0 : header.value().length)
                + DeadLetterContent.HEADER_OVERHEAD_BYTES;
    }

    private static byte[] bytes(Object keyOrValue) {
        if (keyOrValue == null) {
            return null;
        }
        if (keyOrValue instanceof byte[] raw) {
            return raw;
        }
        return String.valueOf(keyOrValue).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
