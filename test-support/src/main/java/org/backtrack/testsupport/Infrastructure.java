package org.backtrack.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.function.Supplier;

/**
 * Points a Spring test context at real infrastructure (and at the {@link TestIssuer} for its tokens). Integration tests keep their test methods in an
 * abstract class and run them twice: on the embedded servers (always) and on containers (where Docker runs).
 */
public enum Infrastructure {

    EMBEDDED(EmbeddedMongo::connectionString, EmbeddedKafka::bootstrapServers),
    CONTAINERS(ContainerInfrastructure::mongoConnectionString, ContainerInfrastructure::kafkaBootstrapServers);

    private final Supplier<Object> mongoUri;
    private final Supplier<Object> kafkaBootstrapServers;

    Infrastructure(Supplier<Object> mongoUri, Supplier<Object> kafkaBootstrapServers) {
        this.mongoUri = mongoUri;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
    }

    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", mongoUri);
        registry.add("spring.kafka.bootstrap-servers", kafkaBootstrapServers);
        TestIssuer.register(registry);
    }
}
