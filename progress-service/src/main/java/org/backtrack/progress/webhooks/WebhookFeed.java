package org.backtrack.progress.webhooks;

import org.backtrack.events.AlertAcknowledged;
import org.backtrack.events.AlertRaised;
import org.backtrack.events.AlertResolved;
import org.backtrack.events.CloudEvent;
import org.backtrack.events.InvalidEventException;
import org.backtrack.events.ProgramEventCodec;
import org.backtrack.events.ProgressEventCodec;
import org.backtrack.events.ProgressStatusChanged;
import org.backtrack.events.SessionCompleted;
import org.backtrack.events.SessionEventCodec;
import org.backtrack.events.Topics;
import org.backtrack.events.Violation;
import org.backtrack.events.MonitoringDaysReached;
import org.backtrack.events.WebhookEndpointDisabled;
import org.backtrack.progress.webhooks.rules.DeliveryIdentity;
import org.backtrack.progress.webhooks.rules.RetrySchedule;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the events of {@code backtrack.sessions}, {@code backtrack.progress} and {@code backtrack.programs} into deliveries: one per enabled
 * subscription of the event's clinic that asked for its type, in one bulk write per consumer batch, never calling
 * out. The clinic is the one the event carries: only BackTrack's services (and the ingress bridge, which enforces the
 * writer's clinic) may write these topics, so it is authenticated. A delivery's id is derived from the subscription
 * and the event id, so an event read twice makes one delivery.
 * <p>
 * A record the contract refuses is skipped here, counted ({@value #SKIPPED_COUNTER}) and logged, never dead-lettered:
 * the topic's own consumer (progress-service's session consumer, routine-service's progress consumer, progress-service's
 * program-history consumer) dead-letters that same record with its reason, and a second dead letter of it would be a
 * duplicate for whoever replays them ({@link #deadLettersHere}).
 */
@Service
public class WebhookFeed {

    /** Records of the topics this feed reads that broke the contract and were skipped. */
    static final String SKIPPED_COUNTER = "backtrack.webhooks.skipped";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WebhookFeed.class);

    /** A record as polled. */
    public record Arrival(String topic, int partition, long offset, byte[] value) {
    }

    /** An event read from a record, ready to be matched against the subscriptions of its clinic. */
    public record FedEvent(String clinicId, String orderKey, String eventId, String type, String body) {
    }

    private final SessionEventCodec sessions;
    private final ProgressEventCodec progress;
    private final ProgramEventCodec programs;
    private final Subscriptions subscriptions;
    private final Deliveries deliveries;
    private final RetrySchedule schedule;
    private final Clock clock;

    private final io.micrometer.core.instrument.Counter skipped;
    /**
     * The last sequence handed out: the feed's order, strictly increasing on this instance (the clock's microseconds
     * when it moves on, else one more), so one patient's events keep their order whatever the batches.
     */
    private final java.util.concurrent.atomic.AtomicLong sequences = new java.util.concurrent.atomic.AtomicLong();

    WebhookFeed(SessionEventCodec sessions, JsonMapper json, Subscriptions subscriptions, Deliveries deliveries,
                WebhookConfiguration.Rules rules, Clock clock,
                org.springframework.beans.factory.ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
        this.skipped = io.micrometer.core.instrument.Counter.builder(SKIPPED_COUNTER)
                .description("Records the webhook feed skipped because they break the event contract (their topic's consumer dead-letters them)")
                .register(meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new));
        this.sessions = sessions;
        // the service's JSON mapper: the same limits on what a hostile record can make it parse as every consumer
        this.progress = new ProgressEventCodec(json);
        this.programs = new ProgramEventCodec(json);
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.schedule = rules.schedule();
        this.clock = clock;
    }

    /**
     * Whether this feed dead-letters the topic's records that break the contract: never, since every topic it reads has
     * a consumer of its own that does (on {@code backtrack.programs}, the program history's since issue 21).
     */
    public static boolean deadLettersHere(String topic) {
        return false;
    }

    /** Counts and logs a record skipped because it breaks the contract (its topic's own consumer dead-letters it). */
    public void skip(Arrival record, InvalidEventException invalid) {
        skipped.increment();
        log.debug("webhook feed skips {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), invalid.getMessage());
    }

    /**
     * Reads one record with the contract's typed codecs.
     *
     * @return the event; empty for a type of the topic no webhook can ask for
     * @throws InvalidEventException when the record breaks the contract
     */
    public Optional<FedEvent> read(String topic, byte[] value) {
        String body = value == null ? "" : new String(value, StandardCharsets.UTF_8);
        if (Topics.SESSIONS.equals(topic)) {
            CloudEvent<SessionCompleted> event = sessions.decode(value);
            return Optional.of(new FedEvent(event.data().clinicId(), event.data().patientId(), event.id(), event.type(), body));
        }
        if (Topics.PROGRAMS.equals(topic)) {
            return programs.decode(value).map(event ->
                    new FedEvent(event.data().clinicId(), event.data().patientId(), event.id(), event.type(), body));
        }
        if (Topics.PROGRESS.equals(topic)) {
            if (value == null) {
                throw new InvalidEventException(List.of(new Violation("$", "is empty (a tombstone or a record without value)")));
            }
            return progress.decodeEveryType(value).map(event -> {
                String[] clinicAndPatient = clinicAndPatient(event.data());
                return new FedEvent(clinicAndPatient[0], clinicAndPatient[1], event.id(), event.type(), body);
            });
        }
        return Optional.empty();
    }

    private static String[] clinicAndPatient(Object data) {
        if (data instanceof ProgressStatusChanged changed) {
            return new String[]{changed.clinicId(), changed.patientId()};
        }
        if (data instanceof AlertRaised raised) {
            return new String[]{raised.clinicId(), raised.patientId()};
        }
        if (data instanceof AlertAcknowledged acknowledged) {
            return new String[]{acknowledged.clinicId(), acknowledged.patientId()};
        }
        if (data instanceof AlertResolved resolved) {
            return new String[]{resolved.clinicId(), resolved.patientId()};
        }
        if (data instanceof MonitoringDaysReached reached) {
            return new String[]{reached.clinicId(), reached.patientId()};
        }
        if (data instanceof WebhookEndpointDisabled disabled) {
            return new String[]{disabled.clinicId(), disabled.clinicId()}; // about no patient: in order per clinic
        }
        throw new IllegalStateException("no clinic known for " + data.getClass().getSimpleName());
    }

    /**
     * Whether any clinic has an enabled subscription now: one small query per poll, read fresh (no cache), so a
     * subscription is fed from the first poll after it was created or enabled, as with {@link #enqueue}'s own read.
     */
    public boolean anySubscription() {
        return subscriptions.anyEnabled();
    }

    /** Queues a delivery of each event for each enabled subscription of its clinic that asked for its type. */
    public void enqueue(List<FedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Set<String> clinics = new HashSet<>();
        events.forEach(e -> clinics.add(e.clinicId()));
        List<StoredSubscription> subscribed = subscriptions.enabledOf(clinics);
        if (subscribed.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        long base = sequences.updateAndGet(last -> Math.max(last, now.toEpochMilli() * 1000) + events.size()) - events.size();
        List<StoredDelivery> owed = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            FedEvent event = events.get(i);
            for (StoredSubscription subscription : subscribed) {
                if (subscription.clinicId().equals(event.clinicId()) && subscription.eventTypes().contains(event.type())) {
                    owed.add(new StoredDelivery(DeliveryIdentity.of(subscription.id(), event.eventId()), subscription.key(),
                            subscription.id(), event.clinicId(), event.orderKey(), base + i, event.eventId(), event.type(),
                            event.body(), DeliveryStatus.PENDING, 0, schedule.firstAttempt(now), null, null, null, null, null,
                            now, null));
                }
            }
        }
        deliveries.insertAbsent(owed);
    }
}
