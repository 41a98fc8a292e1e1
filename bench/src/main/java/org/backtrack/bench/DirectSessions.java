package org.backtrack.bench;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.backtrack.events.CloudEvent;
import org.backtrack.events.SessionCompleted;
import org.backtrack.events.Topics;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes session events straight onto {@code backtrack.sessions}, as another system integrating by events would:
 * idempotent, acks from all replicas, retried through broker outages of up to five minutes.
 */
public final class DirectSessions implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    /** A callback's exception would only be logged by the producer: kept here and thrown by {@link #flush}. */
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public DirectSessions(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends a new event for the session; returns it, for the reconciliation. */
    public CloudEvent<SessionCompleted> send(SessionCompleted session) {
        CloudEvent<SessionCompleted> event = SessionFactory.event(session, Instant.now());
        sendRaw(session.patientId(), SessionFactory.encode(event));
        return event;
    }

    /** Sends any bytes keyed by patient: how poison gets onto the topic. */
    public void sendRaw(String key, byte[] value) {
        producer.send(new ProducerRecord<>(Topics.SESSIONS, key, value), (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        });
    }

    /** Blocks until the broker has every event sent so far; throws if it refused any. */
    public void flush() {
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("the broker did not take a session event", failure.get());
        }
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(30));
    }
}
