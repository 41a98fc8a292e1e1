package org.backtrack.catalog.publication;

import org.apache.kafka.clients.admin.NewTopic;
import org.backtrack.outbox.AcknowledgedSend;
import org.backtrack.topics.BoundedTopics;
import org.backtrack.topics.TopicSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    /** Declared by its producer so a fresh cluster has it; keyed by exercise id and compacted (the consumers' snapshot). */
    @Bean
    NewTopic catalogTopic(TopicSettings topics) {
        return BoundedTopics.catalog(topics);
    }

    /** No producer step blocks a write longer than the publish timeout (Kafka's defaults are a minute and more). */
    @Bean
    DefaultKafkaProducerFactoryCustomizer publishWithinTimeout(@Value("${backtrack.catalog.publish-timeout}") Duration publishTimeout) {
        return factory -> factory.updateConfigs(AcknowledgedSend.producerSettings(publishTimeout));
    }
}
