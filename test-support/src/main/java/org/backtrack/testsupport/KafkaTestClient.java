package org.backtrack.testsupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

/** A plain Kafka client for tests: produces raw bytes as an integrator would and reads topics from the start. */
public final class KafkaTestClient implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producer = new KafkaProducer<>(props);
    }

    public void send(String topic, String key, String value) {
        send(topic, key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    public void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not produce to " + topic, e);
        }
    }

    /** Sends one record with headers, as a traced producer would (e.g. {@code traceparent}). */
    public void send(String topic, String key, String value, Map<String, String> headers) {
        var record = new ProducerRecord<String, byte[]>(topic, key, value.getBytes(StandardCharsets.UTF_8));
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not produce to " + topic, e);
        }
    }

    /**
     * Sends an event as an integrator using the official CloudEvents Java SDK would, in binary mode (the data as the
     * value, the attributes as {@code ce_*} headers) or structured mode.
     */
    public void sendWithCloudEventsSdk(String topic, String key, io.cloudevents.CloudEvent event, boolean binary) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, io.cloudevents.kafka.CloudEventSerializer.class);
        props.put(io.cloudevents.kafka.CloudEventSerializer.ENCODING_CONFIG, binary ? "BINARY" : "STRUCTURED");
        props.put(io.cloudevents.kafka.CloudEventSerializer.EVENT_FORMAT_CONFIG, io.cloudevents.jackson.JsonFormat.CONTENT_TYPE);
        try (var producer = new KafkaProducer<String, io.cloudevents.CloudEvent>(props)) {
            producer.send(new ProducerRecord<>(topic, key, event)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not produce to " + topic, e);
        }
    }

    /** Sends many records without waiting for each acknowledgement, then waits for all of them. */
    public void sendAll(String topic, List<Map.Entry<String, String>> keyedValues) {
        List<java.util.concurrent.Future<?>> acks = new ArrayList<>(keyedValues.size());
        for (Map.Entry<String, String> entry : keyedValues) {
            acks.add(producer.send(new ProducerRecord<>(topic, entry.getKey(), entry.getValue().getBytes(StandardCharsets.UTF_8))));
        }
        producer.flush();
        for (var ack : acks) {
            try {
                ack.get();
            } catch (Exception e) {
                throw new IllegalStateException("could not produce to " + topic, e);
            }
        }
    }

    /** The same, every record under one key (one patient's sessions, in order). */
    public void sendAll(String topic, String key, List<String> values) {
        sendAll(topic, values.stream().map(value -> Map.entry(key, value)).toList());
    }

    /** Reads the whole topic from the beginning, stopping once nothing new arrived for {@code quiet}. */
    public List<ReceivedRecord> readAll(String topic, Duration quiet) {
        List<ReceivedRecord> received = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(readerProperties())) {
            consumer.subscribe(List.of(topic));
            long lastNews = System.nanoTime();
            while (System.nanoTime() - lastNews < quiet.toNanos()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(ReceivedRecord.of(record));
                    lastNews = System.nanoTime();
                }
            }
        }
        return received;
    }

    private Properties readerProperties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }

    /** Reads the topic from the beginning until a record matches or the timeout passes; returns all read. */
    public List<ReceivedRecord> readUntil(String topic, Predicate<ReceivedRecord> match, Duration timeout) {
        List<ReceivedRecord> received = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(readerProperties())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    ReceivedRecord r = ReceivedRecord.of(record);
                    received.add(r);
                    if (match.test(r)) {
                        return received;
                    }
                }
            }
        }
        return received;
    }

    /**
     * Reads the records of one key from the beginning of the topic as an outside consumer using the official CloudEvents
     * Java SDK would: its Kafka deserializer decides the mode by the record's {@code content-type} header and decodes
     * the record, failing on one it cannot read. Other keys' records (such as raw ones other tests sent as integrators)
     * are skipped undecoded. Stops once {@code count} were decoded or the timeout passed.
     */
    public List<io.cloudevents.CloudEvent> readWithCloudEventsSdk(String topic, String key, int count, Duration timeout) {
        List<io.cloudevents.CloudEvent> decoded = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(readerProperties());
             var sdk = new io.cloudevents.kafka.CloudEventDeserializer()) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && decoded.size() < count) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        decoded.add(sdk.deserialize(topic, record.headers(), record.value()));
                    }
                }
            }
        }
        return decoded;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    /** A consumed record with its value and headers as text. */
    public record ReceivedRecord(String key, String value, Map<String, String> headers) {

        static ReceivedRecord of(ConsumerRecord<String, byte[]> record) {
            var headers = new java.util.LinkedHashMap<String, String>();
            for (Header header : record.headers()) {
                headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
            String value = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
            return new ReceivedRecord(record.key(), value, headers);
        }
    }
}
