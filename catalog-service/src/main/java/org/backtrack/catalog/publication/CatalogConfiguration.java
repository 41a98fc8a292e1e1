package org.backtrack.catalog.publication;

import org.apache.kafka.clients.admin.NewTopic;
import org.backtrack.events.Topics;
import org.backtrack.outbox.AcknowledgedSend;
import org.backtrack.topics.TopicSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    /** Declared by its producer so a fresh cluster has it; keyed by exercise id. */
    @Bean
    NewTopic catalogTopic(TopicSettings topics) {
        return TopicBuilder.name(Topics.CATALOG).partitions(topics.partitions()).replicas(topics.replicationFactor()).build();
    }

    /** No producer step blocks a write longer than the publish timeout (Kafka's defaults are a minute and more). */
    @Bean
    DefaultKafkaProducerFactoryCustomizer publishWithinTimeout(@Value("${backtrack.catalog.publish-timeout}") Duration publishTimeout) {
        return factory -> factory.updateConfigs(AcknowledgedSend.producerSettings(publishTimeout));
    }
}
