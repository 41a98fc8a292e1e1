package org.backtrack.testsupport;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Real MongoDB and Apache Kafka containers, started once per JVM and only when a test that needs them runs.
 * Tests using them are annotated {@code @Testcontainers(disabledWithoutDocker = true)}, so without a Docker
 * engine they are reported as skipped.
 */
public final class ContainerInfrastructure {

    public static final String MONGO_IMAGE = "mongo:8.0";
    public static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

    private static MongoDBContainer mongo;
    private static KafkaContainer kafka;

    private ContainerInfrastructure() {
    }

    public static synchronized String mongoConnectionString() {
        if (mongo == null) {
            mongo = new MongoDBContainer(MONGO_IMAGE);
            mongo.start();
        }
        return mongo.getConnectionString();
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = new KafkaContainer(KAFKA_IMAGE);
            kafka.start();
        }
        return kafka.getBootstrapServers();
    }
}
