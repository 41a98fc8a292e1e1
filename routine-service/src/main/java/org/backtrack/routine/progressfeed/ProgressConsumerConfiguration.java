package org.backtrack.routine.progressfeed;

import org.apache.kafka.clients.admin.NewTopic;
import org.backtrack.deadletters.DeadLetterConfiguration;
import org.backtrack.events.Topics;
import org.backtrack.topics.BoundedTopics;
import org.backtrack.topics.TopicSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Error policy of the progress consumer ({@link ProgressEventListener}): BackTrack's one dead-letter mechanism
 * ({@link DeadLetterConfiguration}). Unreadable progress events (and writes retrying cannot fix) go to
 * {@code backtrack.progress-dlt} at once with the reason; other failures are retried until they heal; a dead letter that cannot be written pauses the partition
 * visibly. The dead-letter topic is declared here, by its consumer, so a cluster without auto-creation has it.
 */
@Configuration(proxyBeanMethods = false)
@Import(DeadLetterConfiguration.class)
class ProgressConsumerConfiguration {

    @Bean
    NewTopic progressDeadLetterTopic(TopicSettings topics) {
        return BoundedTopics.deadLettersOf(Topics.PROGRESS, topics);
    }
}
