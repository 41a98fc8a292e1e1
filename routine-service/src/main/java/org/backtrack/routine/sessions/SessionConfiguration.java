package org.backtrack.routine.sessions;

import org.apache.kafka.clients.admin.NewTopic;
import org.backtrack.deadletters.BoundedTopics;
import org.backtrack.events.PlausibleTime;
import org.backtrack.events.SessionEventCodec;
import org.backtrack.events.SessionEventValidator;
import org.backtrack.events.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    /** Plausible times as progress-service judges them, so a session accepted here is never dead-lettered there. */
    @Bean
    SessionEventCodec sessionEventCodec(@Value("${backtrack.events.earliest-time:2000-01-01T00:00:00Z}") Instant earliest,
                                        @Value("${backtrack.events.max-future-skew:15m}") Duration maxFutureSkew) {
        return new SessionEventCodec(new SessionEventValidator(new PlausibleTime(earliest, maxFutureSkew, Clock.systemUTC())));
    }

    /**
     * Declared by its producer so a fresh cluster gets enough partitions for progress-service to scale out, and the
     * contract's {@code max.message.bytes}.
     */
    @Bean
    NewTopic sessionsTopic(@Value("${backtrack.topics.partitions}") int partitions,
                           @Value("${backtrack.topics.replication-factor}") short replicas) {
        return BoundedTopics.of(Topics.SESSIONS, partitions, replicas);
    }
}
