package org.backtrack.catalog.publication;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;

import org.backtrack.catalog.model.Exercise;
import org.backtrack.catalog.storage.Exercises;
import org.backtrack.events.CatalogEventTypes;
import org.backtrack.events.CloudEventFactory;
import org.backtrack.events.Topics;
import org.backtrack.outbox.AcknowledgedSend;
import org.backtrack.outbox.Outbox;
import org.backtrack.outbox.Publication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Announces every catalog change on {@code backtrack.catalog}, keyed by exercise id: {@value #UPSERTED} with the
 * whole exercise, or {@value #RETIRED}. Every write of an exercise owes its event in the same single-document write
 * (the shared outbox, {@link Outbox}); the writer waits for the broker's acknowledgement at most the publish timeout,
 * and the relay delivers what is still owed, oldest first, once the broker is back. Delivery is at least once with a
 * stable event id per version; consumers keep the highest {@code version} per exercise.
 */
@Component
public class CatalogEvents {

    public static final String UPSERTED = CatalogEventTypes.UPSERTED;
    public static final String RETIRED = CatalogEventTypes.RETIRED;
    static final String SOURCE = "/catalog-service";
    /** A claim older than this was left by a sender that died; the relay takes it back. */
    static final Duration STALE_CLAIM = Duration.ofMinutes(1);
    private static final int RELAY_BATCH = 200;

    private final CloudEventFactory events = new CloudEventFactory(SOURCE);
    private final Outbox<Exercise> outbox;
    private final JsonMapper json;

    CatalogEvents(Exercises exercises, KafkaTemplate<String, byte[]> kafka, JsonMapper json,
                  @Value("${backtrack.catalog.publish-timeout}") Duration publishTimeout,
                  @Value("${backtrack.outbox.sweep-interval}") Duration sweep, ObjectProvider<MeterRegistry> meters) {
        this.json = json;
        Clock clock = Clock.systemUTC();
        this.outbox = new Outbox<>(exercises.owedEvents(clock),
                owed -> AcknowledgedSend.send(kafka, Topics.CATALOG, owed.id(), encode(owed), publishTimeout), STALE_CLAIM, sweep, clock);
        meters.ifAvailable(registry -> Gauge.builder(Outbox.OWED_GAUGE, outbox, Outbox::countOwed).tag("events", "catalog")
                .description("Catalog events stored but not yet acknowledged by the broker").register(registry));
    }

    /**
     * Sends the event a freshly written exercise owes, waiting at most the publish timeout.
     *
     * @return true when the broker acknowledged it; false when it stays owed to the relay
     */
    public boolean announce(Exercise written) {
        return outbox.publish(written) == Publication.PUBLISHED;
    }

    @Scheduled(initialDelayString = "${backtrack.catalog.relay-interval}", fixedDelayString = "${backtrack.catalog.relay-interval}")
    void relay() {
        deliverOwed();
    }

    /** Delivers owed events oldest first until the broker fails to acknowledge one. */
    public int deliverOwed() {
        return outbox.relay(RELAY_BATCH, "catalog");
    }

    private byte[] encode(Exercise exercise) {
        Object data = exercise;
        if (exercise.retired()) {
            Map<String, Object> retired = new LinkedHashMap<>();
            retired.put("id", exercise.id());
            retired.put("clinicId", exercise.clinicId());
            retired.put("version", exercise.version());
            data = retired;
        }
        return json.writeValueAsBytes(events.event(exercise.eventId(), exercise.retired() ? RETIRED : UPSERTED, exercise.id(),
                exercise.changedAt(), data));
    }
}
