package org.backtrack.routine.progressfeed;

import org.backtrack.deadletters.DeadLetterConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Error policy of the progress consumer ({@link ProgressEventListener}): BackTrack's one dead-letter mechanism
 * ({@link DeadLetterConfiguration}). Unreadable progress events (and writes retrying cannot fix) go to
 * {@code backtrack.progress-dlt} at once with the reason; other failures are retried until they heal; a dead letter that cannot be written pauses the partition
 * visibly.
 */
@Configuration(proxyBeanMethods = false)
@Import(DeadLetterConfiguration.class)
class ProgressConsumerConfiguration {
}
