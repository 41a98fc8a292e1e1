package org.backtrack.progress.ingestion;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;

import org.backtrack.deadletters.PermanentFailures;
import org.backtrack.events.CloudEvent;
import org.backtrack.events.InvalidEventException;
import org.backtrack.events.SessionCompleted;
import org.backtrack.events.SessionEventCodec;
import org.backtrack.progress.alerts.SessionAlerts;
import org.backtrack.progress.clinics.ClinicCalendars;
import org.backtrack.progress.clinics.ClinicSettings;
import org.backtrack.progress.readmodel.ClinicDaysRecount;
import org.backtrack.progress.monitoring.MonitoringEvents;
import org.backtrack.progress.assessment.PatientWindow;
import org.backtrack.progress.publication.ProgressPublisher;
import org.backtrack.progress.readmodel.PatientSummaries;
import org.backtrack.progress.readmodel.PatientWindows;
import org.backtrack.progress.sessions.RecordedSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Handles a batch of raw session events: validate each, record the sessions under their clinic, update the patients'
 * read models (windows, overview summaries), publish progress changes, raise and resolve alerts. Every step is idempotent, so a redelivered or
 * retried batch is harmless. An event that breaks the contract or one of its limits is left out and reported, and the
 * rest of the batch goes on: a flood of bad events from one patient costs one pass, not one pass each.
 */
@Service
public class SessionIngestion {

    /** Session events applied (a redelivery counts again; the read models do not). */
    static final String INGESTED_COUNTER = "backtrack.sessions.ingested";
    private static final Logger log = LoggerFactory.getLogger(SessionIngestion.class);

    /** A record value as produced and the time Kafka received it. */
    public record Arrival(byte[] value, Instant arrivedAt) {
    }

    /**
     * A record of a batch that was not applied, by its position, and why: it breaks the contract or its limits, or its
     * write failed in a way retrying cannot fix ({@link PermanentFailures}).
     */
    public record Rejection(int index, RuntimeException reason) {
    }

    private final SessionEventCodec codec;
    private final RecordedSessions sessions;
    private final PatientWindows windows;
    private final ProgressPublisher publisher;
    private final PatientSummaries summaries;
    private final SessionAlerts alerts;
    private final MonitoringEvents monitoring;
    private final ClinicSettings settings;
    private final ClinicDaysRecount recount;
    private final Counter ingested;

    SessionIngestion(SessionEventCodec codec, RecordedSessions sessions, PatientWindows windows, ProgressPublisher publisher,
                     PatientSummaries summaries, SessionAlerts alerts, MonitoringEvents monitoring, ClinicSettings settings,
                     ClinicDaysRecount recount, ObjectProvider<MeterRegistry> meters) {
        this.ingested = Counter.builder(INGESTED_COUNTER).description("Session events applied to the read models")
                .register(meters.getIfAvailable(SimpleMeterRegistry::new));
        this.codec = codec;
        this.sessions = sessions;
        this.windows = windows;
        this.publisher = publisher;
        this.summaries = summaries;
        this.alerts = alerts;
        this.monitoring = monitoring;
        this.settings = settings;
        this.recount = recount;
    }

    /**
     * @return the records that were not applied, in batch order; every other record has been applied. A write error
     *         that retrying cannot fix is traced to its records by applying the batch again one record at a time
     *         (every step is idempotent); any other error is thrown, for the batch to be retried.
     */
    public List<Rejection> ingest(List<Arrival> batch) {
        try {
            return ingestTogether(batch);
        } catch (RuntimeException failed) {
            if (!PermanentFailures.isPermanent(failed)) {
                throw failed;
            }
            if (batch.size() == 1) {
                return List.of(new Rejection(0, failed));
            }
            log.warn("A batch of {} records failed in a way retrying cannot fix ({}); applying it record by record",
                    batch.size(), failed.toString());
            List<Rejection> rejections = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                int index = i;
                ingest(List.of(batch.get(i))).forEach(r -> rejections.add(new Rejection(index, r.reason())));
            }
            return rejections;
        }
    }

    private List<Rejection> ingestTogether(List<Arrival> batch) {
        List<RecordedSessions.Incoming> valid = new ArrayList<>(batch.size());
        List<Integer> positions = new ArrayList<>(batch.size());
        List<Rejection> rejections = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            try {
                valid.add(checked(batch.get(i)));
                positions.add(i);
            } catch (InvalidEventException e) {
                rejections.add(new Rejection(i, e));
            }
        }
        RecordedSessions.BatchRecorded recorded = sessions.recordAll(valid);
        recorded.rejections().forEach((position, reason) -> rejections.add(new Rejection(positions.get(position), reason)));
        rejections.sort(Comparator.comparingInt(Rejection::index));
        // always the versions that stand, so a stale correction or a redelivery re-applies the same state
        List<PatientWindow> steps = windows.applyAll(recorded.current());
        // the days of the batch's clinics (their time zones): one query for the batch, never cached (see ClinicDaysRecount)
        ClinicCalendars calendars = steps.isEmpty() ? new ClinicCalendars(Map.of())
                : settings.calendarsOf(steps.stream().map(PatientWindow::clinicId).collect(Collectors.toSet()));
        ProgressPublisher.Evaluations assessed = publisher.publishIfChanged(steps, calendars);
        // the overview's summaries, from the assessments the publisher made (after it, so a failed send retries both)
        summaries.storeLatest(steps, assessed.latest(), calendars);
        // alerts last: after the summary holds the latest session, so the disengagement sweep and this meet (see SessionAlerts)
        alerts.afterSessions(PatientWindows.inApplicationOrder(recorded.current()), steps, assessed.steps());
        // a period that now has 16 days with data gets its mark and owes its event, once (MonitoringEvents)
        monitoring.afterSessions(recorded.current(), steps, calendars);
        if (!steps.isEmpty()) {
            // a zone changed by an administrator while this batch was assessed: recount in the zone that stands
            recount.afterBatch(steps, calendars);
        }
        ingested.increment(recorded.current().size());
        log.debug("{} records: {} sessions applied, {} rejected", batch.size(), recorded.current().size(), rejections.size());
        return rejections;
    }

    private RecordedSessions.Incoming checked(Arrival arrival) {
        // the clinic is authentic: only routine-service and the ingress bridge may write backtrack.sessions (ACLs)
        CloudEvent<SessionCompleted> event = codec.decode(arrival.value());
        return new RecordedSessions.Incoming(event, sessions.eventTime(event, arrival.arrivedAt()));
    }
}
