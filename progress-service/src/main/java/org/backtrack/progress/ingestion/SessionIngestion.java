package org.backtrack.progress.ingestion;

import org.backtrack.events.CloudEvent;
import org.backtrack.events.InvalidEventException;
import org.backtrack.events.SessionCompleted;
import org.backtrack.events.SessionEventCodec;
import org.backtrack.progress.assessment.Assessment;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Handles a batch of raw session events: validate each, record the sessions under their clinic, update the patients' read models, publish progress changes. Every step is idempotent, so a
 * redelivered or retried batch is harmless. The batch stops at the first event that breaks the contract:
 * everything before it is applied, and the rejection says which record it was so the adapter can dead-letter
 * it and carry on after it.
 */
@Service
public class SessionIngestion {

    private static final Logger log = LoggerFactory.getLogger(SessionIngestion.class);

    /** A record value as produced and the time Kafka received it. */
    public record Arrival(byte[] value, Instant arrivedAt) {
    }

    /** The first invalid record of a batch, by its position. */
    public record Rejection(int index, InvalidEventException reason) {
    }

    private final SessionEventCodec codec;
    private final RecordedSessions sessions;
    private final PatientWindows windows;
    private final ProgressPublisher publisher;
    private final PatientSummaries summaries;

    SessionIngestion(SessionEventCodec codec, RecordedSessions sessions, PatientWindows windows, ProgressPublisher publisher,
                     PatientSummaries summaries) {
        this.codec = codec;
        this.sessions = sessions;
        this.windows = windows;
        this.publisher = publisher;
        this.summaries = summaries;
    }

    /** @return the first record that breaks the contract, if any; the records before it have been applied */
    public Optional<Rejection> ingest(List<Arrival> batch) {
        List<RecordedSessions.Incoming> valid = new ArrayList<>(batch.size());
        Rejection rejection = null;
        for (int i = 0; i < batch.size() && rejection == null; i++) {
            try {
                valid.add(checked(batch.get(i)));
            } catch (InvalidEventException e) {
                rejection = new Rejection(i, e);
            }
        }
        RecordedSessions.BatchRecorded recorded = sessions.recordAll(valid);
        if (recorded.rejection() != null) {
            // decided before anything was written, so it comes before any rejection found while validating
            rejection = new Rejection(recorded.recordedCount(), recorded.rejection());
        }
        // always the versions that stand, so a stale correction or a redelivery re-applies the same state
        List<PatientWindow> steps = windows.applyAll(recorded.current());
        Map<String, Assessment> assessed = publisher.publishIfChanged(steps);
        // the overview's summaries, from the assessments the publisher made (after it, so a failed send retries both)
        summaries.storeLatest(steps, assessed);
        log.debug("{} records: {} sessions applied", batch.size(), recorded.current().size());
        return Optional.ofNullable(rejection);
    }

    private RecordedSessions.Incoming checked(Arrival arrival) {
        // the clinic is authentic: only routine-service and the ingress bridge may write backtrack.sessions (ACLs)
        CloudEvent<SessionCompleted> event = codec.decode(arrival.value());
        return new RecordedSessions.Incoming(event, sessions.eventTime(event, arrival.arrivedAt()));
    }
}
