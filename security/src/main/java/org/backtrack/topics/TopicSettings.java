package org.backtrack.topics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service declares the topics it creates on a fresh cluster ({@code backtrack.topics.*}): enough partitions for
 * consumers to scale out, and the replication the cluster can give.
 */
@ConfigurationProperties("backtrack.topics")
public record TopicSettings(@DefaultValue("6") int partitions, @DefaultValue("1") short replicationFactor) {
}
