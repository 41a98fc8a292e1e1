package org.backtrack.routine.catalog;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.backtrack.catalogview.CatalogViewConfiguration;

import java.time.Duration;

/** The circuit breaker in front of catalog-service, and the catalog view that stands in when it is away. */
@Configuration(proxyBeanMethods = false)
@Import(CatalogViewConfiguration.class)
class CatalogAccessConfiguration {

    /** Time-boxed calls; after repeated failures the breaker opens and composition uses the copy at once. */
    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> catalogBreaker(@Value("${backtrack.catalog.timeout}") Duration timeout) {
        return factory -> factory.configure(builder -> builder
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(timeout).build())
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofSeconds(30)).build()), "catalog");
    }
}
