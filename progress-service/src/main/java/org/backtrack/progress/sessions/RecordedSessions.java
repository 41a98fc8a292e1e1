package org.backtrack.progress.sessions;

import org.backtrack.events.CloudEvent;
import org.backtrack.events.InvalidEventException;
import org.backtrack.events.SessionCompleted;
import org.backtrack.events.Violation;
import org.backtrack.progress.assessment.PainReading;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Stores sessions idempotently without multi-document transactions: each change is one conditional
 * single-document write (insert, or update guarded by the event id read before), retried on a lost race.
 */
@Repository
public class RecordedSessions {

    /** What recording an event did. */
    public enum Outcome { NEW, CORRECTED, DUPLICATE, STALE_CORRECTION }

    /** The outcome and the session's version that now stands (which may be an earlier, newer correction). */
    public record Recorded(Outcome outcome, RecordedSession current) {
    }

    private static final int MAX_ATTEMPTS = 5;

    private final MongoOperations mongo;
    private final Clock clock;

    RecordedSessions(MongoOperations mongo) {
        this.mongo = mongo;
        this.clock = Clock.systemUTC();
    }

    public Recorded record(CloudEvent<SessionCompleted> event, Instant arrivedAt) {
        SessionCompleted session = event.data();
        Instant eventTime = event.time() != null ? event.time() : arrivedAt;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            RecordedSession stored = mongo.findById(session.sessionId(), RecordedSession.class);
            if (stored == null) {
                try {
                    return new Recorded(Outcome.NEW, mongo.insert(new RecordedSession(session.sessionId(), session.clinicId(),
                            session.patientId(), session.completedAt(), session, event.id(), eventTime, List.of(event.id()),
                            clock.instant())));
                } catch (DuplicateKeyException raced) {
                    continue;
                }
            }
            Outcome outcome = decide(stored, event, eventTime);
            if (outcome == Outcome.DUPLICATE) {
                return new Recorded(outcome, stored);
            }
            Update update = new Update().addToSet("eventIds", event.id());
            if (outcome == Outcome.CORRECTED) {
                update.set("completedAt", session.completedAt()).set("session", session).set("eventId", event.id())
                        .set("eventTime", eventTime).set("recordedAt", clock.instant());
            }
            var guard = query(where("_id").is(stored.sessionId()).and("eventId").is(stored.eventId()));
            RecordedSession updated = mongo.findAndModify(guard, update,
                    FindAndModifyOptions.options().returnNew(true), RecordedSession.class);
            if (updated != null) {
                return new Recorded(outcome, updated);
            }
        }
        throw new ConcurrentSessionUpdateException(session.sessionId());
    }

    private static Outcome decide(RecordedSession stored, CloudEvent<SessionCompleted> event, Instant eventTime) {
        if (stored.eventIds().contains(event.id())) {
            return Outcome.DUPLICATE;
        }
        SessionCompleted incoming = event.data();
        if (!stored.patientId().equals(incoming.patientId()) || !stored.clinicId().equals(incoming.clinicId())) {
            // a correction may change the numbers, never whose session it is
            throw new InvalidEventException(List.of(new Violation("data.sessionId",
                    "already recorded for another patient or clinic; a correction cannot move a session")));
        }
        // corrections are ordered by their event time; on a tie the later arrival wins
        return eventTime.isBefore(stored.eventTime()) ? Outcome.STALE_CORRECTION : Outcome.CORRECTED;
    }

    public List<RecordedSession> ofPatient(String patientId) {
        return mongo.find(query(where("patientId").is(patientId)).with(Sort.by("completedAt", "_id")),
                RecordedSession.class);
    }

    /** Number of distinct sessions per patient of a clinic. */
    public Map<String, Integer> countsByPatient(String clinicId) {
        var aggregation = Aggregation.newAggregation(
                Aggregation.match(where("clinicId").is(clinicId)),
                Aggregation.group("patientId").count().as("sessions"));
        var counts = new HashMap<String, Integer>();
        mongo.aggregate(aggregation, RecordedSession.class, Document.class)
                .forEach(d -> counts.put(d.getString("_id"), ((Number) d.get("sessions")).intValue()));
        return counts;
    }

    /** Every recorded session, patient by patient, for a rebuild of the read models. */
    public Stream<RecordedSession> all() {
        return mongo.stream(new Query(), RecordedSession.class);
    }

    /** The reading the progress rules use for a recorded session. */
    public static PainReading reading(RecordedSession recorded) {
        SessionCompleted s = recorded.session();
        List<String> exercises = s.exercises() == null ? List.of()
                : s.exercises().stream().map(SessionCompleted.ExercisePerformed::exerciseId).distinct().toList();
        return new PainReading(recorded.sessionId(), s.completedAt(), s.painBefore(),
                s.painAfter(), s.flagsOrNone().sharpPain(), s.flagsOrNone().anyRedFlag(), exercises);
    }

    /** Raised when other writers kept winning the race for one session; the consumer retries the record. */
    public static class ConcurrentSessionUpdateException extends RuntimeException {
        ConcurrentSessionUpdateException(String sessionId) {
            super("session " + sessionId + " kept changing under concurrent writes");
        }
    }
}
