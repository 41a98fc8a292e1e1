package org.backtrack.routine.sessions;

import org.apache.kafka.clients.admin.NewTopic;
import org.backtrack.events.SessionEventCodec;
import org.backtrack.events.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    @Bean
    SessionEventCodec sessionEventCodec() {
        return new SessionEventCodec();
    }

    /** Declared by its producer so a fresh cluster gets enough partitions for progress-service to scale out. */
    @Bean
    NewTopic sessionsTopic(@Value("${backtrack.topics.partitions}") int partitions,
                           @Value("${backtrack.topics.replication-factor}") short replicas) {
        return TopicBuilder.name(Topics.SESSIONS).partitions(partitions).replicas(replicas).build();
    }
}
