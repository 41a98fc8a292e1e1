package org.backtrack.topics;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.backtrack.events.Topics;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import java.util.List;
import java.util.stream.Stream;

/**
 * Topic declarations with the contract's {@code max.message.bytes} ({@link Topics#MAX_MESSAGE_BYTES}): the broker
 * refuses a record larger than the contract allows before any consumer sees it. Each service declares the topics it
 * produces and the dead-letter topics of those it consumes, so a fresh cluster (auto-creation off) has them all.
 * Declarations create missing topics only; an existing topic keeps its settings (see docs/operations in the README).
 */
public final class BoundedTopics {

    private BoundedTopics() {
    }

    public static NewTopic of(String topic, TopicSettings settings) {
        return TopicBuilder.name(topic).partitions(settings.partitions()).replicas(settings.replicationFactor())
                .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(Topics.MAX_MESSAGE_BYTES)).build();
    }

    /**
     * A service's whole declaration, as one bean: the topics it produces, and the dead-letter topics of those it
     * consumes (with as many partitions as their source: dead letters keep their partition number).
     */
    public static KafkaAdmin.NewTopics declared(TopicSettings settings) {
        return new KafkaAdmin.NewTopics(declarations(settings).toArray(NewTopic[]::new));
    }

    static List<NewTopic> declarations(TopicSettings settings) {
        return Stream.concat(settings.produced().stream().map(topic -> of(topic, settings)),
                settings.deadLettered().stream().map(topic -> deadLettersOf(topic, settings))).toList();
    }

    /** The dead-letter topic of {@code topic}, with as many partitions: dead letters keep their partition number. */
    public static NewTopic deadLettersOf(String topic, TopicSettings settings) {
        return of(Topics.deadLetterOf(topic), settings);
    }

    /**
     * {@code backtrack.catalog}, compacted: the broker keeps at least the latest event of every exercise (the key), so
     * reading the topic from the beginning gives every consumer's catalog view the whole catalog to start from.
     * Declared alike by its producer and its consumers, whichever starts first.
     */
    public static NewTopic catalog(TopicSettings settings) {
        return TopicBuilder.name(Topics.CATALOG).partitions(settings.partitions()).replicas(settings.replicationFactor())
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT).build();
    }
}
