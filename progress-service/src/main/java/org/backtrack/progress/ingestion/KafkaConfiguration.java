package org.backtrack.progress.ingestion;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.backtrack.events.InvalidEventException;
import org.backtrack.events.PlausibleTime;
import org.backtrack.events.SessionEventCodec;
import org.backtrack.events.SessionEventValidator;
import org.backtrack.events.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Error policy of the session consumer. An event that breaks the contract is dead-lettered at once, with the
 * reason in the {@value #REASON_HEADER} header. Anything else (MongoDB down, a timeout) is retried with
 * back-off for as long as it takes: a valid session is never dead-lettered and its offset is never committed
 * before its write succeeded.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(KafkaConfiguration.class);

    static final String REASON_HEADER = "backtrack-dlt-reason";
    private static final Duration MAX_RETRY_INTERVAL = Duration.ofSeconds(30);

    /** One codec for the session consumer and the ingress bridge; the plausible-time bounds are deployment settings. */
    @Bean
    SessionEventCodec sessionEventCodec(@Value("${backtrack.events.earliest-time}") Instant earliest,
                                        @Value("${backtrack.events.max-future-skew}") Duration maxFutureSkew) {
        return new SessionEventCodec(new SessionEventValidator(new PlausibleTime(earliest, maxFutureSkew, Clock.systemUTC())));
    }

    @Bean
    DefaultErrorHandler sessionErrorHandler(KafkaOperations<Object, Object> template) {
        var recoverer = new DeadLetterPublishingRecoverer(template);
        recoverer.setHeadersFunction((record, failure) -> {
            Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
            String reason = String.valueOf(cause.getMessage());
            return new RecordHeaders().add(new RecordHeader(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8)));
        });
        var backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(MAX_RETRY_INTERVAL.toMillis());
        // no max elapsed time: transient failures are retried until they heal
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(InvalidEventException.class);
        handler.setRetryListeners((record, failure, attempt) -> log.warn("session record {}-{}@{} failed (attempt {}): {}",
                record.topic(), record.partition(), record.offset(), attempt,
                NestedExceptionUtils.getMostSpecificCause(failure).toString()));
        return handler;
    }

    /** Declared by its producer so a fresh cluster gets the partitions routine-service instances share. */
    @Bean
    NewTopic progressTopic(@Value("${backtrack.topics.partitions}") int partitions,
                           @Value("${backtrack.topics.replication-factor}") short replicas) {
        return TopicBuilder.name(Topics.PROGRESS).partitions(partitions).replicas(replicas).build();
    }

    @Bean
    NewTopic sessionsDeadLetterTopic(@Value("${backtrack.topics.partitions}") int partitions,
                                     @Value("${backtrack.topics.replication-factor}") short replicas) {
        // same partition count as the source: dead letters keep their partition number
        return TopicBuilder.name(Topics.SESSIONS_DLT).partitions(partitions).replicas(replicas).build();
    }
}
