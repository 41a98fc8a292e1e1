package org.backtrack.outbox;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.backtrack.events.CloudEvent;
import org.backtrack.tracing.RecordTraces;
import org.springframework.kafka.core.KafkaOperations;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * BackTrack's one send to Kafka that waits for the broker's acknowledgement (acks=all) for at most a timeout, counting
 * the time {@code send} itself blocks for metadata. Every producer uses it, so "published" means the same everywhere,
 * and every record it sends is a structured-mode CloudEvent with the {@code content-type} header that says so
 * ({@link #cloudEventRecord}). With observation enabled on the template, each record carries the W3C trace context of
 * the work that sent it; a batch listener's send about a key joins the trace of the record with that key
 * ({@link RecordTraces#underTraceOf}).
 */
public final class AcknowledgedSend {

    private AcknowledgedSend() {
    }

    /** @throws EventNotPublishedException when it was not acknowledged within {@code timeout} */
    public static <K, V> void send(KafkaOperations<K, V> kafka, String topic, K key, V value, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (var trace = RecordTraces.underTraceOf(key)) {
            var sent = kafka.send(cloudEventRecord(topic, key, value));
            sent.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventNotPublishedException(e);
        } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException
                 | org.springframework.kafka.KafkaException e) { // the template wraps failures it sees before sending
            throw new EventNotPublishedException(e);
        }
    }

    /**
     * Sends several records together and waits once, at most {@code timeout} for all of them: the batch form of
     * {@link #send}, so a consumer publishing what a batch changed pays one round trip, not one per record.
     *
     * @throws EventNotPublishedException when any was not acknowledged within {@code timeout}
     */
    public static <K, V> void sendAll(KafkaOperations<K, V> kafka, String topic, List<Map.Entry<K, V>> records, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<CompletableFuture<?>> sends = new ArrayList<>(records.size());
        records.forEach(r -> sends.add(sendInFlight(kafka, topic, r.getKey(), r.getValue())));
        awaitAll(sends, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    /**
     * Sends without waiting, for a batch sent together and then awaited with {@link #awaitAll}.
     *
     * @throws EventNotPublishedException when the send failed before the record left (metadata not available in time)
     */
    public static <K, V> CompletableFuture<?> sendInFlight(KafkaOperations<K, V> kafka, String topic, K key, V value) {
        try (var trace = RecordTraces.underTraceOf(key)) {
            return kafka.send(cloudEventRecord(topic, key, value));
        } catch (org.apache.kafka.common.KafkaException | org.springframework.kafka.KafkaException e) {
            throw new EventNotPublishedException(e);
        }
    }

    /**
     * The record of one event: its value is the whole CloudEvent as JSON (structured mode), and the
     * {@value CloudEvent#CONTENT_TYPE_HEADER} header says so, as the CloudEvents Kafka binding asks. Without it the
     * official SDKs take the record for binary mode and fail to read it.
     */
    public static <K, V> ProducerRecord<K, V> cloudEventRecord(String topic, K key, V value) {
        var record = new ProducerRecord<>(topic, key, value);
        record.headers().add(CloudEvent.CONTENT_TYPE_HEADER, CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /**
     * Waits for sends already in flight (a batch sent together), at most {@code timeout} for all of them.
     *
     * @throws EventNotPublishedException when any was not acknowledged in time
     */
    public static void awaitAll(List<? extends CompletableFuture<?>> sends, Duration timeout) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventNotPublishedException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new EventNotPublishedException(e);
        }
    }

    /**
     * Producer settings that keep every blocking step within the publish timeout: {@code send} waits for metadata at
     * most {@code max.block.ms}, and the producer gives a record up after {@code delivery.timeout.ms} (the outbox sends
     * it again later), so a broker outage costs a request the timeout, not the producer's one-minute defaults.
     */
    public static Map<String, Object> producerSettings(Duration publishTimeout) {
        long millis = publishTimeout.toMillis();
        return Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) millis,
                // at least linger.ms + request.timeout.ms, as Kafka requires; linger.ms is 0 here
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) millis,
                ProducerConfig.LINGER_MS_CONFIG, 0);
    }
}
