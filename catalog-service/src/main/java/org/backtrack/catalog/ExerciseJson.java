package org.backtrack.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.backtrack.catalog.model.Exercise;
import org.backtrack.outbox.Publication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Instant;

/**
 * The JSON of an exercise, as the API answers and {@code backtrack.catalog} publishes it: everything but the outbox's
 * bookkeeping of its event. Declared beside the plain-Java model, through a mix-in, so the model carries no Jackson.
 */
@Configuration(proxyBeanMethods = false)
class ExerciseJson {

    /** The components of {@link Exercise} that never leave the service. */
    interface WithoutEventBookkeeping {
        @JsonIgnore
        String eventId();

        @JsonIgnore
        Instant changedAt();

        @JsonIgnore
        Publication publication();
    }

    @Bean
    JsonMapperBuilderCustomizer exerciseWithoutEventBookkeeping() {
        return builder -> builder.addMixIn(Exercise.class, WithoutEventBookkeeping.class);
    }
}
