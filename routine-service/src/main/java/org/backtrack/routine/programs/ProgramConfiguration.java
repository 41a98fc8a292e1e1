package org.backtrack.routine.programs;

import org.apache.kafka.clients.admin.NewTopic;
import org.backtrack.events.Topics;
import org.backtrack.topics.BoundedTopics;
import org.backtrack.topics.TopicSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProgramConfiguration {

    /** Declared by its producer, with the contract's {@code max.message.bytes}, so a fresh cluster has it. */
    @Bean
    NewTopic programsTopic(TopicSettings topics) {
        return BoundedTopics.of(Topics.PROGRAMS, topics);
    }
}
