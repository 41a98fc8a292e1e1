package org.backtrack.routine.sessions;

import org.backtrack.events.SessionLimits;
import org.backtrack.security.ClinicKeys;
import org.backtrack.storage.GuardedWrite;
import lombok.RequiredArgsConstructor;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Which sessions each patient has on each day, the UTC day of {@code completedAt} ({@link SessionLimits#dayOf}): one
 * small document per patient and day, {@code clinicId/patientId/yyyy-MM-dd}, found by {@code _id} (no scan of the
 * sessions, which the embedded MongoDB-wire server would make for every logged session). It is what the daily limit
 * counts; a reservation is one guarded single-document write, so two requests at once cannot both take the last place.
 * Sessions logged before this listing existed are not counted (progress-service, which counts every source, still
 * enforces the limit for them).
 */
@Repository
@RequiredArgsConstructor
class SessionDays {

    private static final int MAX_ATTEMPTS = 10;

    @Document("session_days")
    record SessionDay(@Id String id, String clinicId, String patientId, List<String> sessionIds) {
    }

    private final MongoOperations mongo;

    private static String idOf(String clinicId, String patientId, Instant completedAt) {
        return ClinicKeys.of(clinicId, patientId, SessionLimits.dayOf(completedAt).toString());
    }

    /**
     * Counts the session on its day.
     *
     * @return false when the day already holds {@link SessionLimits#MAX_SESSIONS_PER_PATIENT_PER_DAY} other sessions
     */
    boolean reserve(String clinicId, String patientId, Instant completedAt, String sessionId) {
        String id = idOf(clinicId, patientId, completedAt);
        return GuardedWrite.retry(MAX_ATTEMPTS,
                () -> new IllegalStateException("the sessions of " + id + " kept changing under concurrent requests"), () -> {
                    SessionDay day = mongo.findById(id, SessionDay.class);
                    if (day == null) {
                        return GuardedWrite.insert(() -> mongo.insert(new SessionDay(id, clinicId, patientId, List.of(sessionId))))
                                .map(inserted -> true);
                    }
                    if (day.sessionIds().contains(sessionId)) {
                        return Optional.of(true);
                    }
                    if (!SessionLimits.roomForAnotherSession(day.sessionIds().size())) {
                        return Optional.of(false);
                    }
                    // guarded by the count read: a reservation made meanwhile sends this one round again
                    var unchanged = query(where("_id").is(id).and("sessionIds").size(day.sessionIds().size()));
                    boolean added = mongo.updateFirst(unchanged, new Update().addToSet("sessionIds", sessionId), SessionDay.class)
                            .getModifiedCount() == 1;
                    return added ? Optional.of(true) : Optional.empty();
                });
    }

    /** Takes a session off a day it no longer falls on (a correction moved it). */
    void release(String clinicId, String patientId, Instant completedAt, String sessionId) {
        mongo.updateFirst(query(where("_id").is(idOf(clinicId, patientId, completedAt))),
                new Update().pull("sessionIds", sessionId), SessionDay.class);
    }
}
