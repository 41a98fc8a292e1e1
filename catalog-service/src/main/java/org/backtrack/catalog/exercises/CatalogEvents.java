package org.backtrack.catalog.exercises;

import org.backtrack.events.CloudEvent;
import org.backtrack.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Announces every catalog change on {@code backtrack.catalog}, keyed by exercise id: {@value #UPSERTED} with the
 * whole exercise, or {@value #RETIRED}. Every write of an exercise sets its {@code eventPending} flag in the same
 * single-document write; the event is sent right after, and a relay resends whatever is still flagged, so a
 * broker outage delays events but loses none. Delivery is at least once: consumers keep the highest
 * {@code version} per exercise.
 */
@Component
public class CatalogEvents {

    public static final String UPSERTED = "backtrack.catalog.exercise-upserted.v1";
    public static final String RETIRED = "backtrack.catalog.exercise-retired.v1";
    static final String SOURCE = "/catalog-service";
    private static final long SEND_TIMEOUT_SECONDS = 10;
    private static final Logger log = LoggerFactory.getLogger(CatalogEvents.class);

    private final Exercises exercises;
    private final KafkaOperations<Object, Object> kafka;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    CatalogEvents(Exercises exercises, KafkaOperations<Object, Object> kafka, JsonMapper json) {
        this.exercises = exercises;
        this.kafka = kafka;
        this.json = json;
    }

    /** Sends the event owed for a freshly written exercise; on failure the relay takes over. */
    void announce(Exercise written) {
        send(written);
    }

    @Scheduled(initialDelayString = "${backtrack.catalog.relay-interval:5s}", fixedDelayString = "${backtrack.catalog.relay-interval:5s}")
    void relay() {
        for (Exercise pending : exercises.withPendingEvents()) {
            if (!send(pending)) {
                return; // broker still away; next round
            }
        }
    }

    private boolean send(Exercise exercise) {
        Object data = exercise;
        if (exercise.retired()) {
            Map<String, Object> retired = new LinkedHashMap<>();
            retired.put("id", exercise.id());
            retired.put("clinicId", exercise.clinicId());
            retired.put("version", exercise.version());
            data = retired;
        }
        var event = new CloudEvent<>(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), SOURCE,
                exercise.retired() ? RETIRED : UPSERTED, exercise.id(), clock.instant(), CloudEvent.JSON_CONTENT_TYPE, data);
        try {
            kafka.send(Topics.CATALOG, exercise.id(), json.writeValueAsBytes(event)).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.warn("catalog event for {} v{} not sent yet: {}", exercise.id(), exercise.version(), e.getMessage());
            return false;
        }
        exercises.markAnnounced(exercise);
        return true;
    }
}
