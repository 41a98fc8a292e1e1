package org.backtrack.progress.programs;

import org.apache.kafka.clients.admin.NewTopic;
import org.backtrack.events.Topics;
import org.backtrack.topics.BoundedTopics;
import org.backtrack.topics.TopicSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The program history's consumer dead-letters on {@code backtrack.programs}: it declares the dead-letter topic (and the topic, as its producer does). */
@Configuration(proxyBeanMethods = false)
class ProgramHistoryConfiguration {

    @Bean
    NewTopic programsTopic(TopicSettings topics) {
        return BoundedTopics.of(Topics.PROGRAMS, topics);
    }

    @Bean
    NewTopic programsDeadLetterTopic(TopicSettings topics) {
        return BoundedTopics.deadLettersOf(Topics.PROGRAMS, topics);
    }
}
