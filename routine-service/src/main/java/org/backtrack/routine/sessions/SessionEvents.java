package org.backtrack.routine.sessions;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;

import org.backtrack.events.CloudEvent;
import org.backtrack.events.CloudEventFactory;
import org.backtrack.events.SessionCompleted;
import org.backtrack.events.SessionEventCodec;
import org.backtrack.events.Topics;
import org.backtrack.outbox.AcknowledgedSend;
import org.backtrack.outbox.Outbox;
import org.backtrack.outbox.Publication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Announces logged sessions on {@code backtrack.sessions}, keyed by patient, through the shared outbox ({@link Outbox}):
 * each version of a session owes its event in its own document; the request waits for the broker's acknowledgement at
 * most the publish timeout, and the relay delivers what is still owed, oldest first, once the broker is back. A claim
 * left by a sender that died is taken back after {@link #STALE_CLAIM}; at worst an event is sent twice with the same
 * id, which consumers count once.
 */
@Component
class SessionEvents {

    static final Duration STALE_CLAIM = Duration.ofMinutes(1);
    private static final int RELAY_BATCH = 200;
    /** Sessions logged (new or corrected versions), tagged {@code publication}: published at once, or owed to the relay. */
    static final String LOGGED_COUNTER = "backtrack.sessions.logged";

    private final CloudEventFactory events;
    private final Clock clock = Clock.systemUTC();
    private final Outbox<LoggedSession> outbox;
    private final Counter published;
    private final Counter owed;

    SessionEvents(LoggedSessions sessions, KafkaTemplate<String, byte[]> kafka, SessionEventCodec codec,
                  @Value("${backtrack.sessions.event-source}") String eventSource,
                  @Value("${backtrack.sessions.publish-timeout}") Duration publishTimeout,
                  @Value("${backtrack.outbox.sweep-interval}") Duration sweep, ObjectProvider<MeterRegistry> meters) {
        this.events = new CloudEventFactory(eventSource);
        this.outbox = new Outbox<>(sessions.owedEvents(clock), owed -> AcknowledgedSend.send(kafka, Topics.SESSIONS,
                owed.patientId(), codec.encode(eventOf(owed)), publishTimeout), STALE_CLAIM, sweep, clock);
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        Gauge.builder(Outbox.OWED_GAUGE, outbox, Outbox::countOwed).tag("events", "session")
                .description("Session events stored but not yet acknowledged by the broker").register(registry);
        this.published = Counter.builder(LOGGED_COUNTER).tag("publication", "published")
                .description("Sessions logged, by whether the request saw the broker acknowledge the event").register(registry);
        this.owed = Counter.builder(LOGGED_COUNTER).tag("publication", "owed")
                .description("Sessions logged, by whether the request saw the broker acknowledge the event").register(registry);
    }

    /**
     * Tries to deliver the event a freshly written session version owes, waiting at most the publish timeout.
     *
     * @return PUBLISHED when the broker acknowledged it; PENDING when it stays owed to the relay
     */
    Publication announce(LoggedSession written) {
        return counted(outbox.publish(written));
    }

    /** {@link #announce} for a version its writer stored already claimed ({@link Publication#PUBLISHING}, {@link #claimTime}). */
    Publication announceClaimed(LoggedSession written) {
        return counted(outbox.publishClaimed(written));
    }

    /** The claim time of a version written already claimed, on the clock the relay judges stale claims by. */
    Instant claimTime() {
        return clock.instant();
    }

    private Publication counted(Publication publication) {
        (publication == Publication.PUBLISHED ? published : owed).increment();
        return publication;
    }

    @Scheduled(initialDelayString = "${backtrack.sessions.relay-interval}", fixedDelayString = "${backtrack.sessions.relay-interval}")
    void deliverOwedEvents() {
        outbox.relay(RELAY_BATCH, "session");
    }

    /** The event of the stored version, under the id stored with it, so every delivery carries the same id. */
    private CloudEvent<SessionCompleted> eventOf(LoggedSession session) {
        return events.event(session.eventId(), SessionCompleted.TYPE, session.patientId(), session.eventTime(), session.data());
    }
}
