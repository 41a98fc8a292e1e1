package org.backtrack.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker (KRaft, from spring-kafka-test) per test JVM. Topics are created by the services'
 * own topic declarations, as in production; auto-creation stays on for test consumers of dead-letter topics.
 */
public final class EmbeddedKafka {

    public static final int PARTITIONS = 3;

    private static EmbeddedKafkaBroker broker;

    private EmbeddedKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            EmbeddedKafkaKraftBroker kraft = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
            kraft.brokerProperty("auto.create.topics.enable", "true");
            kraft.brokerProperty("num.partitions", String.valueOf(PARTITIONS));
            kraft.afterPropertiesSet();
            broker = kraft;
            Runtime.getRuntime().addShutdownHook(new Thread(kraft::destroy, "embedded-kafka-stop"));
        }
        return broker.getBrokersAsString();
    }
}
