package org.backtrack.progress.ingestion;

import org.apache.kafka.clients.admin.NewTopic;
import org.backtrack.deadletters.BoundedTopics;
import org.backtrack.deadletters.DeadLetterConfiguration;
import org.backtrack.events.PlausibleTime;
import org.backtrack.events.SessionEventCodec;
import org.backtrack.events.SessionEventValidator;
import org.backtrack.events.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Error policy of the session consumer and the ingress bridge: BackTrack's one dead-letter mechanism
 * ({@link DeadLetterConfiguration}). An event that breaks the contract or its limits, or whose write fails in a way
 * retrying cannot fix, is dead-lettered at once with the reason; anything else (MongoDB down, a timeout) is retried
 * with back-off for as long as it takes, so a valid session is never dead-lettered and its offset is never committed
 * before its write succeeded. A dead letter that cannot be written pauses its partition visibly.
 */
@Configuration(proxyBeanMethods = false)
@Import(DeadLetterConfiguration.class)
class KafkaConfiguration {

    /** One codec for the session consumer and the ingress bridge; the plausible-time bounds are deployment settings. */
    @Bean
    SessionEventCodec sessionEventCodec(@Value("${backtrack.events.earliest-time}") Instant earliest,
                                        @Value("${backtrack.events.max-future-skew}") Duration maxFutureSkew) {
        return new SessionEventCodec(new SessionEventValidator(new PlausibleTime(earliest, maxFutureSkew, Clock.systemUTC())));
    }

    /** Declared by its producer so a fresh cluster gets the partitions routine-service instances share. */
    @Bean
    NewTopic progressTopic(@Value("${backtrack.topics.partitions}") int partitions,
                           @Value("${backtrack.topics.replication-factor}") short replicas) {
        return BoundedTopics.of(Topics.PROGRESS, partitions, replicas);
    }

    /** Declared by its consumer, with the partitions of the source: dead letters keep their partition number. */
    @Bean
    NewTopic sessionsDeadLetterTopic(@Value("${backtrack.topics.partitions}") int partitions,
                                     @Value("${backtrack.topics.replication-factor}") short replicas) {
        return BoundedTopics.deadLettersOf(Topics.SESSIONS, partitions, replicas);
    }
}
