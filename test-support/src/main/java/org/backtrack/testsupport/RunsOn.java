package org.backtrack.testsupport;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.test.context.ContextCustomizerFactories;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Spring test whose service runs on the given {@link Infrastructure} (MongoDB, Kafka and the {@link TestIssuer}), in
 * place of a {@code @DynamicPropertySource} method per test class. The test may autowire a {@link KafkaTestClient} on
 * the same broker; the context closes it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ContextCustomizerFactories(InfrastructureProperties.class)
@Import(RunsOn.Clients.class)
public @interface RunsOn {

    Infrastructure value();

    @Configuration(proxyBeanMethods = false)
    class Clients {
        @Bean(destroyMethod = "close")
        @Lazy
        KafkaTestClient kafkaTestClient(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
            return new KafkaTestClient(bootstrapServers);
        }
    }
}
