package org.backtrack.contract;

import org.backtrack.events.PlausibleTime;
import org.backtrack.events.SessionEventCodec;
import org.backtrack.events.SessionEventValidator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The session contract as this deployment judges it, for every service that reads or writes session events: one codec
 * whose plausible times are the settings {@code backtrack.events.earliest-time} and {@code .max-future-skew}, so a
 * session routine-service accepts is one progress-service never dead-letters for its time.
 */
@Configuration(proxyBeanMethods = false)
public class SessionContractConfiguration {

    @Bean
    SessionEventCodec sessionEventCodec(@Value("${backtrack.events.earliest-time:2000-01-01T00:00:00Z}") Instant earliest,
                                        @Value("${backtrack.events.max-future-skew:15m}") Duration maxFutureSkew) {
        return new SessionEventCodec(new SessionEventValidator(new PlausibleTime(earliest, maxFutureSkew, Clock.systemUTC())));
    }
}
