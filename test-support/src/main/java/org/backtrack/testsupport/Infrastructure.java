package org.backtrack.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring test context at real infrastructure (and at the {@link TestIssuer} for its tokens). Integration tests keep their test methods in an
 * abstract class and run them twice: on the embedded servers (always) and on containers (where Docker runs).
 */
public enum Infrastructure {

    EMBEDDED {
        @Override
        public void register(DynamicPropertyRegistry registry) {
            registry.add("spring.mongodb.uri", EmbeddedMongo::connectionString);
            registry.add("spring.kafka.bootstrap-servers", EmbeddedKafka::bootstrapServers);
            TestIssuer.register(registry);
        }
    },
    CONTAINERS {
        @Override
        public void register(DynamicPropertyRegistry registry) {
            registry.add("spring.mongodb.uri", ContainerInfrastructure::mongoConnectionString);
            registry.add("spring.kafka.bootstrap-servers", ContainerInfrastructure::kafkaBootstrapServers);
            TestIssuer.register(registry);
        }
    };

    public abstract void register(DynamicPropertyRegistry registry);
}
