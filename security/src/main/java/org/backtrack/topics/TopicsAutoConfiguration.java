package org.backtrack.topics;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Every service's topic declaration, in one place: what its {@code backtrack.topics.produced} and
 * {@code backtrack.topics.dead-lettered} name, with the contract's {@code max.message.bytes}. Spring's
 * {@link KafkaAdmin} creates the missing ones at start-up, so a fresh cluster (auto-creation off) has them whichever
 * service starts first.
 */
@AutoConfiguration
@ConditionalOnClass(KafkaAdmin.class)
@EnableConfigurationProperties(TopicSettings.class)
public class TopicsAutoConfiguration {

    @Bean
    KafkaAdmin.NewTopics declaredTopics(TopicSettings settings) {
        return BoundedTopics.declared(settings);
    }
}
