package org.backtrack.contract;

import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.backtrack.events.CloudEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lets every BackTrack consumer read CloudEvents in binary mode too (the Kafka binding's other mode: the value is the
 * data alone, the attributes are {@code ce_*} headers, {@code content-type} is the data's type), by turning such a
 * record into the structured-mode value the listeners read, before they see it. A record without {@code ce_specversion}
 * is left as it is, so structured records, with or without a {@code content-type} header, cost one header lookup.
 * Configured as a Kafka consumer interceptor ({@code spring.kafka.consumer.properties.interceptor.classes}), so no
 * listener changes; the values must be raw bytes (ByteArrayDeserializer, as every BackTrack consumer has).
 */
public class BinaryModeRecords implements ConsumerInterceptor<Object, Object> {

    static final String PREFIX = "ce_";
    static final String SPEC_VERSION_HEADER = PREFIX + "specversion";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        boolean anyBinary = false;
        for (ConsumerRecord<Object, Object> record : records) {
            if (record.headers().lastHeader(SPEC_VERSION_HEADER) != null) {
                anyBinary = true;
                break;
            }
        }
        if (!anyBinary) {
            return records;
        }
        Map<TopicPartition, List<ConsumerRecord<Object, Object>>> converted = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<Object, Object>> list = new ArrayList<>();
            for (ConsumerRecord<Object, Object> record : records.records(partition)) {
                list.add(record.headers().lastHeader(SPEC_VERSION_HEADER) == null ? record : structured(record));
            }
            converted.put(partition, list);
        }
        return new ConsumerRecords<>(converted, records.nextOffsets());
    }

    /** The record with the structured-mode value of its binary-mode event; anything unreadable is left to the contract. */
    static ConsumerRecord<Object, Object> structured(ConsumerRecord<Object, Object> record) {
        if (!(record.value() instanceof byte[] data)) {
            return record;
        }
        byte[] value = structuredValue(data, record.headers());
        Headers headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().equals(CloudEvent.CONTENT_TYPE_HEADER)) {
                headers.add(header);
            }
        }
        headers.add(CloudEvent.CONTENT_TYPE_HEADER, CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.timestampType(), record.serializedKeySize(), value.length, record.key(), value, headers,
                record.leaderEpoch());
    }

    /**
     * The event as one JSON object: each {@code ce_<attribute>} header as the attribute, the {@code content-type}
     * header as {@code datacontenttype}, and the value as {@code data} (JSON when it parses as JSON, else the text, for
     * the contract to reject with its reason).
     */
    static byte[] structuredValue(byte[] data, Headers headers) {
        ObjectNode event = JSON.createObjectNode();
        for (Header header : headers) {
            if (header.key().startsWith(PREFIX) && header.value() != null) {
                event.put(header.key().substring(PREFIX.length()), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        Optional.ofNullable(headers.lastHeader(CloudEvent.CONTENT_TYPE_HEADER)).filter(h -> h.value() != null)
                .ifPresent(h -> event.put("datacontenttype", new String(h.value(), StandardCharsets.UTF_8)));
        if (data != null) {
            try {
                event.set("data", JSON.readTree(data));
            } catch (JacksonException notJson) {
                event.put("data", new String(data, StandardCharsets.UTF_8));
            }
        }
        return JSON.writeValueAsBytes(event);
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
