package org.backtrack.routine.programs;

import org.backtrack.events.InvalidEventException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** Unreadable progress events go to {@code backtrack.progress-dlt} at once; other failures are retried until they heal. */
@Configuration(proxyBeanMethods = false)
class ProgressConsumerConfiguration {

    @Bean
    DefaultErrorHandler progressErrorHandler(KafkaOperations<Object, Object> template) {
        var backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        var handler = new DefaultErrorHandler(new DeadLetterPublishingRecoverer(template), backOff);
        handler.addNotRetryableExceptions(InvalidEventException.class);
        return handler;
    }
}
