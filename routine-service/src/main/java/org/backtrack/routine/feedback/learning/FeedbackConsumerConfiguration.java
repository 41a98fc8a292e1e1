package org.backtrack.routine.feedback.learning;

import org.apache.kafka.clients.admin.NewTopic;
import org.backtrack.events.Topics;
import org.backtrack.topics.BoundedTopics;
import org.backtrack.topics.TopicSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The session consumer dead-letters what breaks the contract to {@code backtrack.sessions-dlt} (as progress-service
 * does; each consumer that meets the record writes its own dead letter). Declared here too, by a consumer of it.
 */
@Configuration(proxyBeanMethods = false)
class FeedbackConsumerConfiguration {

    @Bean
    NewTopic sessionsDeadLetterTopic(TopicSettings topics) {
        return BoundedTopics.deadLettersOf(Topics.SESSIONS, topics);
    }
}
