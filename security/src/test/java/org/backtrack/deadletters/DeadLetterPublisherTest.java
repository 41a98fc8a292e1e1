package org.backtrack.deadletters;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.backtrack.events.DeadLetterContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shape of a dead letter, without a broker: what {@link DeadLetterPublisher} would send. */
class DeadLetterPublisherTest {

    final StalledPartitions stalls = new StalledPartitions(Duration.ofMinutes(1), new SimpleMeterRegistry(), Clock.systemUTC());
    final DeadLetterPublisher publisher = new DeadLetterPublisher(new DefaultKafkaProducerFactory<>(
            Map.of("bootstrap.servers", "127.0.0.1:1"), new ByteArraySerializer(), new ByteArraySerializer()), stalls, Duration.ofSeconds(1));

    @AfterEach
    void stop() {
        publisher.destroy();
        stalls.destroy();
    }

    static String text(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }

    static ProducerRecord<Object, Object> deadLetterOf(ConsumerRecord<String, byte[]> record, org.apache.kafka.common.header.Headers added,
                                                       DeadLetterPublisher publisher) {
        RecordHeaders all = new RecordHeaders(record.headers().toArray());
        added.forEach(all::add);
        return publisher.createProducerRecord(record, new TopicPartition(record.topic() + "-dlt", record.partition()), all, null, null);
    }

    @Test
    void aRecordTheContractCouldAcceptIsKeptWholeWithItsHash() {
        byte[] value = "{\"specversion\":\"1.0\"}".getBytes(StandardCharsets.UTF_8);
        var record = new ConsumerRecord<>("backtrack.sessions", 2, 17L, "patient-1", value);
        org.apache.kafka.common.header.Headers added = new RecordHeaders().add("kafka_dlt-exception-message", "data.painBefore: must be 0..10".getBytes(StandardCharsets.UTF_8));

        var deadLetter = deadLetterOf(record, added, publisher);

        assertThat(deadLetter.topic()).isEqualTo("backtrack.sessions-dlt");
        assertThat(deadLetter.partition()).isEqualTo(2);
        assertThat((byte[]) deadLetter.key()).isEqualTo("patient-1".getBytes(StandardCharsets.UTF_8));
        assertThat((byte[]) deadLetter.value()).isEqualTo(value);
        assertThat(text(deadLetter.headers().lastHeader(DeadLetterContent.REASON_HEADER).value())).isEqualTo("data.painBefore: must be 0..10");
        assertThat(text(deadLetter.headers().lastHeader(DeadLetterContent.ORIGINAL_BYTES_HEADER).value())).isEqualTo(String.valueOf(value.length));
        assertThat(text(deadLetter.headers().lastHeader(DeadLetterContent.ORIGINAL_SHA256_HEADER).value())).isEqualTo(DeadLetterContent.sha256(value));
        assertThat(deadLetter.headers().lastHeader(DeadLetterContent.TRUNCATED_HEADER)).isNull();
    }

    @Test
    void aHugeRecordWithHugeHeadersBecomesADeadLetterThatFitsItsTopic() {
        byte[] value = new byte[1_000_000];
        Arrays.fill(value, (byte) '{');
        var headers = new RecordHeaders();
        for (int i = 0; i < 40; i++) {
            headers.add("h" + i, new byte[1000]);
        }
        headers.add(DeadLetterContent.REASON_HEADER, "forged".getBytes(StandardCharsets.UTF_8));
        headers.add("kafka_dlt-original-topic", "forged".getBytes(StandardCharsets.UTF_8));
        var withHeaders = new ConsumerRecord<>("backtrack.progress", 0, 5L, 0L, org.apache.kafka.common.record.TimestampType.CREATE_TIME,
                0, 0, "k".repeat(10_000), value, headers, java.util.Optional.empty());
        org.apache.kafka.common.header.Headers added = new RecordHeaders()
                .add("kafka_dlt-original-topic", "backtrack.progress".getBytes(StandardCharsets.UTF_8))
                .add("kafka_dlt-exception-message", "x".repeat(50_000).getBytes(StandardCharsets.UTF_8));

        var deadLetter = deadLetterOf(withHeaders, added, publisher);

        assertThat((byte[]) deadLetter.value()).hasSize(DeadLetterContent.MAX_VALUE_BYTES);
        assertThat((byte[]) deadLetter.key()).hasSize(DeadLetterContent.MAX_KEY_BYTES);
        assertThat(text(deadLetter.headers().lastHeader(DeadLetterContent.TRUNCATED_HEADER).value())).isEqualTo("true");
        assertThat(text(deadLetter.headers().lastHeader(DeadLetterContent.ORIGINAL_BYTES_HEADER).value())).isEqualTo("1000000");
        assertThat(text(deadLetter.headers().lastHeader(DeadLetterContent.ORIGINAL_SHA256_HEADER).value())).isEqualTo(DeadLetterContent.sha256(value));
        assertThat(text(deadLetter.headers().lastHeader("kafka_dlt-original-topic").value())).isEqualTo("backtrack.progress");
        assertThat(deadLetter.headers().headers(DeadLetterContent.REASON_HEADER)).singleElement()
                .satisfies(h -> assertThat(h.value().length).isLessThanOrEqualTo(DeadLetterContent.MAX_TEXT_BYTES));
        int original = 0;
        int added2 = 0;
        for (Header header : deadLetter.headers()) {
            int size = header.key().length() + header.value().length + DeadLetterContent.HEADER_OVERHEAD_BYTES;
            if (DeadLetterContent.isDeadLetterHeader(header.key())) {
                added2 += size;
            } else {
                original += size;
            }
            assertThat(header.key()).doesNotContain("stacktrace");
        }
        assertThat(original).isLessThanOrEqualTo(DeadLetterContent.MAX_ORIGINAL_HEADER_BYTES);
        assertThat(added2).isLessThanOrEqualTo(DeadLetterContent.MAX_ADDED_HEADER_BYTES);
        // 4 of the 40 large headers fit the budget; the other 36 and the two forged ones are counted as dropped
        assertThat(text(deadLetter.headers().lastHeader(DeadLetterContent.HEADERS_DROPPED_HEADER).value())).isEqualTo("38");
    }
}
