package org.backtrack.routine.programs;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.backtrack.events.CloudEventFactory;
import org.backtrack.events.ProgramChanged;
import org.backtrack.events.ProgramEventCodec;
import org.backtrack.events.Topics;
import org.backtrack.outbox.AcknowledgedSend;
import org.backtrack.outbox.MongoOwedEvents;
import org.backtrack.outbox.Outbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * Announces every change of a program on {@code backtrack.programs}, keyed by patient, through the shared outbox
 * ({@link Outbox}) as sessions are: each version owes its event in its own document; the writer waits for the broker's
 * acknowledgement at most the publish timeout, and the relay delivers what is still owed, oldest change first, once
 * the broker is back.
 */
@Component
class ProgramEvents implements PatientPrograms.Announcements {

    static final Duration STALE_CLAIM = Duration.ofMinutes(1);
    private static final int RELAY_BATCH = 200;

    private final CloudEventFactory events;
    private final Outbox<PatientProgram> outbox;

    ProgramEvents(MongoOperations mongo, KafkaTemplate<String, byte[]> kafka,
                  @Value("${backtrack.sessions.event-source}") String eventSource,
                  @Value("${backtrack.sessions.publish-timeout}") Duration publishTimeout,
                  @Value("${backtrack.outbox.sweep-interval}") Duration sweep, ObjectProvider<MeterRegistry> meters) {
        this.events = new CloudEventFactory(eventSource);
        Clock clock = Clock.systemUTC();
        var owed = new MongoOwedEvents<>(mongo, PatientProgram.class, PatientProgram::key, PatientProgram::eventId,
                PatientProgram::publication, "updatedAt", clock);
        this.outbox = new Outbox<>(owed, program -> AcknowledgedSend.send(kafka, Topics.PROGRAMS, program.patientId(),
                ProgramEventCodec.encode(events.event(program.eventId(), ProgramChanged.TYPE, program.patientId(), program.updatedAt(),
                        program.changed())), publishTimeout), STALE_CLAIM, sweep, clock);
        meters.ifAvailable(registry -> Gauge.builder(Outbox.OWED_GAUGE, outbox, Outbox::countOwed).tag("events", "program")
                .description("Program events stored but not yet acknowledged by the broker").register(registry));
    }

    /** Sends the event a freshly written program version owes; it stays owed to the relay when the broker is away. */
    @Override
    public void announce(PatientProgram written) {
        outbox.publish(written);
    }

    @Scheduled(initialDelayString = "${backtrack.sessions.relay-interval}", fixedDelayString = "${backtrack.sessions.relay-interval}")
    void deliverOwedEvents() {
        outbox.relay(RELAY_BATCH, "program");
    }
}
