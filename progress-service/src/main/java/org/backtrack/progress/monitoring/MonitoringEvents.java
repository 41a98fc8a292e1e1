package org.backtrack.progress.monitoring;

import org.backtrack.events.CloudEventFactory;
import org.backtrack.events.MonitoringDaysReached;
import org.backtrack.events.Topics;
import org.backtrack.outbox.AcknowledgedSend;
import org.backtrack.outbox.MongoOwedEvents;
import org.backtrack.outbox.Outbox;
import org.backtrack.outbox.Publication;
import org.backtrack.progress.assessment.CalendarDays;
import org.backtrack.progress.assessment.PatientWindow;
import org.backtrack.progress.clinics.ClinicCalendars;
import org.backtrack.progress.monitoring.rules.MonitoringPeriods;
import org.backtrack.progress.monitoring.rules.PeriodShortOfSixteenDays;
import org.backtrack.progress.programs.ProgramHistories;
import org.backtrack.progress.programs.rules.ProgramTimeline;
import org.backtrack.progress.sessions.RecordedSession;
import org.backtrack.progress.sessions.RecordedSessions;
import org.backtrack.security.ClinicKeys;
import org.backtrack.storage.GuardedWrite;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Publishes {@code backtrack.progress.monitoring-days-reached.v1} when recorded sessions make a patient reach 16 days
 * with data in a period (periods from the monitoring start, {@link MonitoringQueries#startOf}; a program's start set
 * later is seen with the patient's next session): after each batch, the periods holding the batch's sessions are counted from the stored sessions
 * ({@link MonitoringPeriods}); a period at 16 or more gets its mark ({@link StoredDaysReached}) inserted once, which owes
 * the event through BackTrack's outbox ({@link Outbox}): sent at once and, should the broker be away, by the relay.
 */
@Component
public class MonitoringEvents {

    static final String SOURCE = "/progress-service";
    private static final CloudEventFactory EVENTS = new CloudEventFactory(SOURCE);
    private static final Duration STALE_CLAIM = Duration.ofMinutes(1);

    private final MongoOperations mongo;
    private final RecordedSessions sessions;
    private final ProgramHistories programs;
    private final KafkaOperations<Object, Object> kafka;
    private final JsonMapper json;
    private final Duration publishTimeout;
    private final Clock clock;
    private final Outbox<StoredDaysReached> outbox;

    MonitoringEvents(MongoOperations mongo, RecordedSessions sessions, ProgramHistories programs,
                     KafkaOperations<Object, Object> kafka,
                     JsonMapper json, @Value("${backtrack.alerts.publish-timeout}") Duration publishTimeout,
                     @Value("${backtrack.outbox.sweep-interval}") Duration sweep, Clock clock) {
        this.mongo = mongo;
        this.sessions = sessions;
        this.programs = programs;
        this.kafka = kafka;
        this.json = json;
        this.publishTimeout = publishTimeout;
        this.clock = clock;
        this.outbox = new Outbox<>(new MongoOwedEvents<>(mongo, StoredDaysReached.class, StoredDaysReached::key,
                StoredDaysReached::eventId, StoredDaysReached::publication, "decidedAt", this.clock), this::send, STALE_CLAIM, sweep, this.clock);
    }

    /**
     * After a batch: the sessions that now stand, the patients' windows after them (for the first session, the
     * default monitoring start), and the days of their clinics as the batch read them.
     */
    public void afterSessions(Collection<RecordedSession> current, List<PatientWindow> windows, ClinicCalendars calendars) {
        Map<String, PatientWindow> windowOf = new HashMap<>();
        windows.forEach(w -> windowOf.put(ClinicKeys.of(w.clinicId(), w.patientId()), w));
        Map<String, List<RecordedSession>> byPatient = new LinkedHashMap<>();
        current.forEach(s -> byPatient.computeIfAbsent(s.patientKey(), k -> new java.util.ArrayList<>()).add(s));
        Map<String, List<String>> patientsOfClinic = new HashMap<>();
        current.forEach(s -> patientsOfClinic.computeIfAbsent(s.clinicId(), c -> new java.util.ArrayList<>()).add(s.patientId()));
        Map<String, Map<String, ProgramTimeline.History>> programsOfClinic = new HashMap<>();
        patientsOfClinic.forEach((clinic, patients) -> programsOfClinic.put(clinic, programs.of(clinic, patients)));
        byPatient.forEach((patientKey, touched) -> {
            PatientWindow window = windowOf.get(patientKey);
            if (window == null || window.firstAt() == null) {
                return;
            }
            String clinicId = touched.get(0).clinicId();
            String patientId = touched.get(0).patientId();
            CalendarDays calendar = calendars.of(clinicId);
            LocalDate start = MonitoringQueries.startOf(Optional.ofNullable(programsOfClinic.get(clinicId).get(patientId)),
                    Optional.of(window.firstAt()), calendar).orElseThrow().date();
            TreeSet<Integer> periods = new TreeSet<>();
            touched.forEach(s -> periods.add(MonitoringPeriods.indexOf(start, calendar.dayOf(s.completedAt()))));
            periods.headSet(0).clear();
            for (int index : periods) {
                check(window, start, index, calendar);
            }
        });
    }

    private void check(PatientWindow window, LocalDate start, int index, CalendarDays calendar) {
        String clinicId = window.clinicId();
        String patientId = window.patientId();
        LocalDate from = MonitoringPeriods.startOf(start, index);
        LocalDate to = from.plusDays(MonitoringPeriods.PERIOD_DAYS - 1L);
        if (PeriodShortOfSixteenDays.provenBy(window, from, to, calendar)) {
            return; // most sessions: no read of the period's history, nor of its mark
        }
        String key = ClinicKeys.of(clinicId, patientId, from.toString());
        if (mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(key)), StoredDaysReached.class)) {
            return;
        }
        List<MonitoringPeriods.Session> inPeriod = sessions.historyOf(clinicId, patientId, calendar.startOf(from), calendar.endOf(to))
                .between().stream().map(s -> new MonitoringPeriods.Session(s.sessionId(), s.completedAt())).toList();
        MonitoringPeriods.Period period = MonitoringPeriods.period(start, index, calendar, inPeriod, calendar.dayOf(clock.instant()));
        if (!period.reached16()) {
            return;
        }
        StoredDaysReached mark = new StoredDaysReached(key, clinicId, patientId, period.start(), period.end(), period.count(),
                period.reached16On(), period.sessionIds(), clock.instant(), CloudEventFactory.newId(), Publication.PENDING, null);
        GuardedWrite.insert(() -> mongo.insert(mark)).ifPresent(outbox::publish); // a mark already there owes its own event
    }

    @Scheduled(initialDelayString = "${backtrack.alerts.relay-interval}", fixedDelayString = "${backtrack.alerts.relay-interval}")
    void relay() {
        outbox.relay(50, "monitoring");
    }

    private void send(StoredDaysReached mark) {
        var data = new MonitoringDaysReached(mark.clinicId(), mark.patientId(), mark.periodStart(), mark.periodEnd(), mark.days(),
                mark.reachedOn(), mark.sessionIds());
        byte[] event = json.writeValueAsBytes(EVENTS.event(mark.eventId(), MonitoringDaysReached.TYPE, mark.patientId(),
                mark.decidedAt(), data));
        AcknowledgedSend.send(kafka, Topics.PROGRESS, mark.patientId(), event, publishTimeout);
    }
}
