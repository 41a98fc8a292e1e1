package org.backtrack.routine.sessions;

import org.backtrack.outbox.MongoOwedEvents;
import org.backtrack.outbox.OwedEvents;
import org.backtrack.routine.patients.PatientRecords;
import org.backtrack.paging.Paging;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Single-document writes only, each guarded by the event id it replaces, so no transaction is needed. Sessions are
 * found by their clinic key, and a patient's by (clinicId, patientId): nothing of another clinic is ever read.
 */
@Repository
@RequiredArgsConstructor
class LoggedSessions implements PatientRecords {

    private final MongoOperations mongo;

    Optional<LoggedSession> find(String clinicId, String sessionId) {
        return Optional.ofNullable(mongo.findById(LoggedSession.keyOf(clinicId, sessionId), LoggedSession.class));
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the session was logged meanwhile */
    LoggedSession insert(LoggedSession session) {
        return mongo.insert(session);
    }

    /** Replaces {@code current} with {@code next}; false when another request changed it first. */
    boolean replace(LoggedSession current, LoggedSession next) {
        return mongo.findAndReplace(query(thisVersion(current)), next) != null;
    }

    /** The events the stored sessions owe, as the shared outbox reads and marks them (oldest logged first). */
    OwedEvents<LoggedSession> owedEvents(Clock clock) {
        return new MongoOwedEvents<>(mongo, LoggedSession.class, LoggedSession::key, LoggedSession::eventId,
                LoggedSession::publication, "loggedAt", clock);
    }

    /**
     * A page of a patient's sessions, newest first by (completedAt, session id): {@code after} is the cursor of the
     * page before (its last session), so sessions logged between two pages never shift one.
     */
    Paging.Page<LoggedSession> ofPatient(String clinicId, String patientId, Optional<Paging.Cursor> after, int size) {
        Criteria patient = PatientRecords.ofPatient(clinicId, patientId);
        Criteria criteria = after.map(cursor -> {
            Instant completedAt = cursor.instant(Paging.CURSOR, 0);
            String key = LoggedSession.keyOf(clinicId, cursor.identifier(Paging.CURSOR, 1));
            return new Criteria().andOperator(patient, new Criteria().orOperator(where("completedAt").lt(completedAt),
                    where("completedAt").is(completedAt).and("_id").lt(key)));
        }).orElse(patient);
        List<LoggedSession> fetched = mongo.find(query(criteria).with(Sort.by(Sort.Direction.DESC, "completedAt", "_id"))
                .limit(size + 1), LoggedSession.class);
        return Paging.Page.of(fetched, size, s -> Paging.Cursor.of(s.completedAt(), s.sessionId()));
    }

    @Override
    public boolean holdsAny(String clinicId, String patientId) {
        return mongo.exists(query(PatientRecords.ofPatient(clinicId, patientId)), LoggedSession.class);
    }

    private static Criteria thisVersion(LoggedSession session) {
        return where("_id").is(session.key()).and("eventId").is(session.eventId());
    }
}
