package org.backtrack.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads a topic from its beginning to its current end, and a consumer group's lag on it, as an outside client. */
public final class TopicLog implements AutoCloseable {

    private final String bootstrapServers;
    private final Admin admin;

    public TopicLog(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    /** Every record now on the topic, partition by partition in offset order. */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    public Map<TopicPartition, Long> endOffsets(String topic) throws ExecutionException, InterruptedException {
        var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest())))
                .all().get().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** Records of the topic the group has not committed yet (all of them for a partition it never committed). */
    public long lag(String group, String topic) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        long lag = 0;
        for (var end : endOffsets(topic).entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue() - (done == null ? 0 : done.offset());
        }
        return lag;
    }

    /**
     * How many partitions of the topic each member of the group holds, by member id, once the group is stable; empty
     * while it rebalances. A member keeps its id across rebalances as long as its consumer lives.
     */
    public Map<String, Integer> assignment(String group, String topic) throws ExecutionException, InterruptedException {
        var description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
        if (description.groupState() != GroupState.STABLE) {
            return Map.of();
        }
        Map<String, Integer> held = new HashMap<>();
        for (var member : description.members()) {
            int partitions = (int) member.assignment().topicPartitions().stream().filter(p -> p.topic().equals(topic)).count();
            if (partitions > 0) {
                held.put(member.consumerId(), partitions);
            }
        }
        return held;
    }

    /** Moves a group back to the start of the topic, as an operator replaying it would; the group must be stopped. */
    public void resetToBeginning(String group, String topic) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
        endOffsets(topic).keySet().forEach(p -> start.put(p, new OffsetAndMetadata(0)));
        admin.alterConsumerGroupOffsets(group, start).all().get();
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
