package org.backtrack.contract;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Binary-mode CloudEvents become the structured value the listeners read; everything else passes untouched. */
class BinaryModeRecordsTest {

    static final TopicPartition PARTITION = new TopicPartition("backtrack.sessions", 0);
    final BinaryModeRecords interceptor = new BinaryModeRecords();

    static ConsumerRecord<Object, Object> record(long offset, String value, Map<String, String> headers) {
        var record = new ConsumerRecord<Object, Object>(PARTITION.topic(), 0, offset, "p-1", bytes(value));
        headers.forEach((k, v) -> record.headers().add(k, bytes(v)));
        return record;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    List<ConsumerRecord<Object, Object>> consume(List<ConsumerRecord<Object, Object>> records) {
        return interceptor.onConsume(new ConsumerRecords<>(Map.of(PARTITION, records), Map.of())).records(PARTITION);
    }

    @Test
    void aBinaryModeEventBecomesItsStructuredForm() {
        var binary = record(7, "{\"painBefore\":6}", Map.of("ce_specversion", "1.0", "ce_id", "e-1", "ce_source", "/integrator",
                "ce_type", "backtrack.session.completed.v1", "ce_subject", "p-1", "ce_time", "2026-11-20T07:31:00Z",
                "content-type", "application/json", "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        var converted = consume(List.of(binary)).get(0);

        JsonNode event = JsonMapper.builder().build().readTree((byte[]) converted.value());
        assertThat(event.get("specversion").asString()).isEqualTo("1.0");
        assertThat(event.get("id").asString()).isEqualTo("e-1");
        assertThat(event.get("type").asString()).isEqualTo("backtrack.session.completed.v1");
        assertThat(event.get("time").asString()).isEqualTo("2026-11-20T07:31:00Z");
        assertThat(event.get("datacontenttype").asString()).isEqualTo("application/json");
        assertThat(event.get("data").get("painBefore").asInt()).isEqualTo(6);
        assertThat(converted.offset()).isEqualTo(7);
        assertThat(converted.key()).isEqualTo("p-1");
        assertThat(new String(converted.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("application/cloudevents+json");
        assertThat(converted.headers().lastHeader("traceparent")).as("other headers kept").isNotNull();
    }

    @Test
    void structuredRecordsWithOrWithoutContentTypePassUntouched() {
        var structured = record(1, "{\"specversion\":\"1.0\"}", Map.of("content-type", "application/cloudevents+json"));
        var bare = record(2, "{\"specversion\":\"1.0\"}", Map.of());
        var binary = record(3, "{}", Map.of("ce_specversion", "1.0", "ce_id", "e-3"));

        var consumed = consume(List.of(structured, bare, binary));
        assertThat(consumed.get(0)).isSameAs(structured);
        assertThat(consumed.get(1)).isSameAs(bare);
        assertThat(consumed.get(2)).isNotSameAs(binary);
        assertThat(consumed).extracting(ConsumerRecord::offset).containsExactly(1L, 2L, 3L);

        var none = new ConsumerRecords<>(Map.of(PARTITION, List.of(structured, bare)), Map.of());
        assertThat(interceptor.onConsume(none)).as("no binary record: the same batch").isSameAs(none);
    }

    @Test
    void dataThatIsNotJsonIsKeptAsTextForTheContractToReject() {
        var converted = consume(List.of(record(1, "{not json", Map.of("ce_specversion", "1.0")))).get(0);
        JsonNode event = JsonMapper.builder().build().readTree((byte[]) converted.value());
        assertThat(event.get("data").asString()).isEqualTo("{not json");
    }
}
