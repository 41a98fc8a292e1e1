package org.backtrack.topics;

import org.backtrack.events.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * How a service declares the topics it creates on a fresh cluster ({@code backtrack.topics.*}): enough partitions for
 * consumers to scale out, the replication the cluster can give, and which topics: those it produces
 * ({@code produced}) and the dead-letter topics of those it consumes ({@code dead-lettered}). Each is a contract
 * topic of {@link Topics#ALL}; {@code backtrack.catalog} is compacted and declared with the catalog view, not here.
 */
@ConfigurationProperties("backtrack.topics")
public record TopicSettings(@DefaultValue("6") int partitions, @DefaultValue("1") short replicationFactor,
                            @DefaultValue List<String> produced, @DefaultValue List<String> deadLettered) {

    public TopicSettings {
        produced = List.copyOf(produced == null ? List.of() : produced);
        deadLettered = List.copyOf(deadLettered == null ? List.of() : deadLettered);
        for (String topic : produced) {
            if (!Topics.ALL.contains(topic) || topic.equals(Topics.CATALOG)) {
                throw new IllegalArgumentException("backtrack.topics.produced: " + topic + " is not a bounded contract "
                        + "topic (the compacted " + Topics.CATALOG + " is declared with the catalog view)");
            }
        }
        for (String topic : deadLettered) {
            if (!Topics.ALL.contains(topic)) {
                throw new IllegalArgumentException("backtrack.topics.dead-lettered: " + topic + " is not a contract topic " + Topics.ALL);
            }
        }
    }
}
