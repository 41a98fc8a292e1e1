package org.backtrack.routine.sessions;

import org.apache.kafka.clients.admin.NewTopic;
import org.backtrack.contract.SessionContractConfiguration;
import org.backtrack.events.Topics;
import org.backtrack.topics.BoundedTopics;
import org.backtrack.topics.TopicSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Sessions are decoded as progress-service decodes them ({@link SessionContractConfiguration}), so none it accepts is dead-lettered there. */
@Configuration(proxyBeanMethods = false)
@Import(SessionContractConfiguration.class)
class SessionConfiguration {

    /**
     * Declared by its producer so a fresh cluster gets enough partitions for progress-service to scale out, and the
     * contract's {@code max.message.bytes}.
     */
    @Bean
    NewTopic sessionsTopic(TopicSettings topics) {
        return BoundedTopics.of(Topics.SESSIONS, topics);
    }
}
