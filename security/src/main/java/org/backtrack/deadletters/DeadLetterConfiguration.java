package org.backtrack.deadletters;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The dead-letter mechanism as beans; a service imports this class and its listener containers use the
 * {@link DeadLetterErrorHandler} (Spring Boot applies the one error handler bean to its listener container factory).
 * Settings: {@code backtrack.dead-letters.send-timeout} (10 s: how long writing one dead letter may take, the topic's
 * metadata included), {@code retry-interval} (1 min: how often a stalled partition tries again) and
 * {@code max-retry-interval} (30 s: the longest back-off between retries of failures that may heal). Health
 * contributor {@code deadLetters}: put it in the readiness group.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

    @Bean
    StalledPartitions stalledPartitions(@Value("${backtrack.dead-letters.retry-interval:1m}") Duration retryInterval,
                                        ObjectProvider<MeterRegistry> meters) {
        return new StalledPartitions(retryInterval, meters.getIfAvailable(SimpleMeterRegistry::new), Clock.systemUTC());
    }

    @Bean
    HealthIndicator deadLettersHealthIndicator(StalledPartitions stalls) {
        return stalls::health;
    }

    @Bean
    DeadLetterPublisher deadLetterPublisher(ProducerFactory<?, ?> producers, StalledPartitions stalls,
                                            @Value("${backtrack.dead-letters.send-timeout:10s}") Duration sendTimeout) {
        // the service's producer settings (brokers, security, acks, idempotence), with bounded waits and raw bytes
        Map<String, Object> config = new HashMap<>(producers.getConfigurationProperties());
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        long half = Math.max(1, sendTimeout.toMillis() / 2);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, half);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) half);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) sendTimeout.toMillis());
        if (config.get(ProducerConfig.CLIENT_ID_CONFIG) instanceof String clientId) {
            config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-dead-letters");
        }
        var deadLetterProducers = new DefaultKafkaProducerFactory<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        return new DeadLetterPublisher(deadLetterProducers, stalls, sendTimeout.plusSeconds(1));
    }

    @Bean
    DeadLetterErrorHandler deadLetterErrorHandler(DeadLetterPublisher publisher, StalledPartitions stalls,
                                                  @Value("${backtrack.dead-letters.max-retry-interval:30s}") Duration maxRetryInterval) {
        return new DeadLetterErrorHandler(publisher, stalls, maxRetryInterval);
    }
}
