package org.backtrack.routine.sessions;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Single-document writes only, each guarded by the event id it replaces, so no transaction is needed. */
@Repository
class LoggedSessions {

    private final MongoOperations mongo;

    LoggedSessions(MongoOperations mongo) {
        this.mongo = mongo;
    }

    Optional<LoggedSession> find(String sessionId) {
        return Optional.ofNullable(mongo.findById(sessionId, LoggedSession.class));
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the session was logged meanwhile */
    void insert(LoggedSession session) {
        mongo.insert(session);
    }

    /** Replaces {@code current} with {@code next}; false when another request changed it first. */
    boolean replace(LoggedSession current, LoggedSession next) {
        var guard = query(where("_id").is(current.sessionId()).and("eventId").is(current.eventId()));
        return mongo.findAndReplace(guard, next) != null;
    }

    void markPublished(LoggedSession session) {
        mongo.updateFirst(query(where("_id").is(session.sessionId()).and("eventId").is(session.eventId())),
                new Update().set("publication", LoggedSession.Publication.PUBLISHED), LoggedSession.class);
    }

    List<LoggedSession> ofPatient(String patientId) {
        return mongo.find(query(where("patientId").is(patientId)).with(Sort.by(Sort.Direction.DESC, "completedAt")),
                LoggedSession.class);
    }
}
