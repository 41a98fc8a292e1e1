package org.backtrack.progress.publication;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.backtrack.events.CloudEventFactory;
import org.backtrack.events.ProgressStatusChanged;
import org.backtrack.events.Topics;
import org.backtrack.outbox.AcknowledgedSend;
import org.backtrack.outbox.EventNotPublishedException;
import org.backtrack.progress.assessment.Assessment;
import org.backtrack.progress.assessment.CalendarDays;
import org.backtrack.progress.assessment.PatientWindow;
import org.backtrack.progress.assessment.ProgressAssessor;
import org.backtrack.progress.catalog.CatalogSnapshot;
import org.backtrack.progress.clinics.ClinicCalendars;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Evaluates a patient as of their latest session and publishes {@code backtrack.progress.status-changed.v1}
 * when status, action or alerts differ from what was last published. Publication waits for the broker; a
 * failure fails the session record, which the consumer retries, so no change is lost (a crash between send
 * and bookkeeping can publish one change twice: consumers key on patient and compare states).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ProgressPublisher {

    static final String SOURCE = "/progress-service";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);

    private final CloudEventFactory events = new CloudEventFactory(SOURCE);
    private final MongoOperations mongo;
    private final KafkaOperations<Object, Object> kafka;
    private final JsonMapper json;
    private final CatalogSnapshot catalog;
    private final ProgressAssessor assessor;
    private final Clock clock;

    /**
     * The assessments made while publishing, so that no window is assessed twice.
     *
     * @param steps  the assessment of each window given, in the same order (what the alert rules read)
     * @param latest the assessment of each patient's last window, by patient key ({@code clinicId/patientId}), for the
     *               summaries the overview reads
     */
    public record Evaluations(List<Assessment> steps, Map<String, Assessment> latest) {
    }

    /**
     * Publishes every change the given windows show, in their order: one read of what was last published for
     * these patients, the sends in flight together, then one bulk write of the bookkeeping once the broker has
     * acknowledged every send.
     *
     * @param windows   each patient's windows after each session applied, in order
     * @param calendars the days of each clinic (its time zone), read once for the batch
     */
    public Evaluations publishIfChanged(List<PatientWindow> windows, ClinicCalendars calendars) {
        Map<String, Assessment> latest = new HashMap<>();
        List<Assessment> steps = new ArrayList<>(windows.size());
        if (windows.isEmpty()) {
            return new Evaluations(steps, latest);
        }
        Map<String, PublishedProgress> published = new HashMap<>();
        List<String> patientKeys = windows.stream().map(PublishedProgress::keyOf).distinct().toList();
        mongo.find(query(where("_id").in(patientKeys)), PublishedProgress.class).forEach(p -> published.put(p.key(), p));
        Map<String, PublishedProgress> changes = new LinkedHashMap<>();
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (PatientWindow window : windows) {
            // as of the latest session: replays and late syncs yield the transitions the data shows, in data time
            Assessment assessment = assessor.assess(window, catalog.current(), window.latestAt(), calendars.of(window.clinicId()));
            String status = assessment.status().name();
            String action = assessment.suggestion().action().name();
            List<String> alerts = alertsOf(assessment);
            String key = PublishedProgress.keyOf(window);
            latest.put(key, assessment);
            steps.add(assessment);
            PublishedProgress last = published.get(key);
            if (last != null && last.sameAs(status, action, alerts)) {
                continue;
            }
            var data = new ProgressStatusChanged(window.patientId(), window.clinicId(), last == null ? null : last.status(),
                    status, new ProgressStatusChanged.Suggestion(action, assessment.suggestion().exercises(),
                    assessment.suggestion().reason()), alerts, window.latestAt(), clock.instant());
            var event = events.newEvent(ProgressStatusChanged.TYPE, window.patientId(), clock.instant(), data);
            sends.add(AcknowledgedSend.sendInFlight(kafka, Topics.PROGRESS, window.patientId(), json.writeValueAsBytes(event)));
            var change = new PublishedProgress(key, window.clinicId(), window.patientId(), status, action, alerts, event.id(),
                    clock.instant());
            published.put(key, change);
            changes.put(key, change);
        }
        if (changes.isEmpty()) {
            return new Evaluations(steps, latest);
        }
        try {
            AcknowledgedSend.awaitAll(sends, SEND_TIMEOUT);
        } catch (EventNotPublishedException e) {
            throw new IllegalStateException("progress of " + changes.size() + " patients could not be published", e);
        }
        BulkOperations bookkeeping = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, PublishedProgress.class);
        changes.values().forEach(p -> bookkeeping.replaceOne(query(where("_id").is(p.key())), p, FindAndReplaceOptions.options().upsert()));
        bookkeeping.execute();
        return new Evaluations(steps, latest);
    }

    /**
     * Whether what was last published for the patient is what their window shows now, in the clinic's days (the
     * read-model check).
     */
    public boolean isPublished(PatientWindow window, CalendarDays calendar) {
        Assessment assessment = assessor.assess(window, catalog.current(), window.latestAt(), calendar);
        return sameAs(mongo.findById(PublishedProgress.keyOf(window), PublishedProgress.class), assessment);
    }

    /** Whether what was published already says what this assessment says (status, action, alerts). */
    private static boolean sameAs(PublishedProgress published, Assessment assessment) {
        return published != null
                && published.sameAs(assessment.status().name(), assessment.suggestion().action().name(), alertsOf(assessment));
    }

    private static List<String> alertsOf(Assessment assessment) {
        return assessment.alerts().stream().map(a -> a.type().name()).sorted().toList();
    }
}
