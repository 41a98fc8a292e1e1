package org.backtrack.routine.sessions;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.backtrack.events.CloudEventFactory;
import org.backtrack.events.SessionCompleted;
import org.backtrack.events.SessionEventCodec;
import org.backtrack.events.SessionLimits;
import org.backtrack.outbox.Publication;
import org.backtrack.paging.Paging;
import org.backtrack.storage.GuardedWrite;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Logs completed sessions. A session is (clinicId, sessionId): two clinics may use the same sessionId without
 * meeting. Idempotent on it: the same data again returns the stored session without a new event; changed data is a correction, stored and announced by a new event. The session is written before
 * it is published (one document holds both), so an unacknowledged publication is delivered later by the relay, with
 * the same event id. The contract's limits per patient are kept here too ({@link SessionLimits}: sessions per day,
 * counted by {@link SessionDays}, and corrections per session), so a session accepted here is not dead-lettered by
 * progress-service for them; a session over one is refused ({@link SessionLimitException}).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SessionLog {

    /** What logging did, for the HTTP status. */
    public enum Outcome { CREATED, UNCHANGED, CORRECTED }

    public record Logged(Outcome outcome, LoggedSession session) {
    }

    private static final int MAX_ATTEMPTS = 5;

    private final SessionEventCodec codec;
    private final LoggedSessions sessions;
    private final SessionDays days;
    private final SessionEvents events;
    private final Clock clock;

    /** @throws org.backtrack.events.InvalidEventException naming every bad field */
    public SessionCompleted decode(JsonNode body) {
        return codec.decodeData(body);
    }

    /** Stores a decoded session and publishes its event (or leaves it owed to the relay). */
    public Logged log(SessionCompleted data) {
        return GuardedWrite.retry(MAX_ATTEMPTS,
                () -> new IllegalStateException("session " + data.sessionId() + " kept changing under concurrent requests"),
                () -> sessions.find(data.clinicId(), data.sessionId())
                        .map(current -> logAgain(current, data))
                        .orElseGet(() -> logFirst(data)));
    }

    private Optional<Logged> logFirst(SessionCompleted data) {
        LoggedSession fresh = newVersion(data, null, 0);
        requireRoomOnItsDay(data);
        return GuardedWrite.insert(() -> sessions.insert(fresh))
                .map(inserted -> new Logged(Outcome.CREATED, publish(fresh)));
    }

    /** The same data again (answered from the store), or a correction replacing the stored version. */
    private Optional<Logged> logAgain(LoggedSession current, SessionCompleted data) {
        if (!current.patientId().equals(data.patientId())) {
            throw new SessionConflictException(data.sessionId());
        }
        if (current.data().equals(data)) {
            LoggedSession result = current.publication() == Publication.PENDING ? publish(current) : current;
            return Optional.of(new Logged(Outcome.UNCHANGED, result));
        }
        if (!SessionLimits.mayBeCorrectedAgain(current.correctionCount())) {
            throw new SessionLimitException(SessionLimits.correctedTooOften("sessionId"), SessionLimits.MAX_CORRECTIONS_PER_SESSION);
        }
        boolean movesDay = !SessionLimits.dayOf(current.completedAt()).equals(SessionLimits.dayOf(data.completedAt()));
        if (movesDay) {
            requireRoomOnItsDay(data);
        }
        LoggedSession correction = newVersion(data, current.loggedAt(), current.correctionCount() + 1);
        if (!sessions.replace(current, correction)) {
            return Optional.empty();
        }
        if (movesDay) {
            days.release(current.clinicId(), current.patientId(), current.completedAt(), current.sessionId());
        }
        return Optional.of(new Logged(Outcome.CORRECTED, publish(correction)));
    }

    /** A page of the patient's sessions, newest first; {@code after} is the cursor of the page before. */
    public Paging.Page<SessionCompleted> ofPatient(String clinicId, String patientId, Optional<Paging.Cursor> after, int size) {
        Paging.Page<LoggedSession> page = sessions.ofPatient(clinicId, patientId, after, size);
        return new Paging.Page<>(page.items().stream().map(LoggedSession::data).toList(), page.next());
    }

    /** Counts the session on the day it falls on, or refuses it when that day is full. */
    private void requireRoomOnItsDay(SessionCompleted data) {
        if (!days.reserve(data.clinicId(), data.patientId(), data.completedAt(), data.sessionId())) {
            throw new SessionLimitException(SessionLimits.dayFull("completedAt", SessionLimits.dayOf(data.completedAt())),
                    SessionLimits.MAX_SESSIONS_PER_PATIENT_PER_DAY);
        }
    }

    /** The next stored version, owing a new event in the same write, already claimed by this request to send it. */
    private LoggedSession newVersion(SessionCompleted data, Instant firstLoggedAt, int corrections) {
        Instant now = clock.instant();
        return new LoggedSession(LoggedSession.keyOf(data.clinicId(), data.sessionId()), data.sessionId(), data.clinicId(),
                data.patientId(), data.completedAt(), data, CloudEventFactory.newId(), now, Publication.PUBLISHING,
                firstLoggedAt == null ? now : firstLoggedAt, corrections, events.claimTime());
    }

    /**
     * Tries to deliver the owed event now. The session and its owed event are already stored in one document;
     * when the broker is away the event goes back to PENDING and the relay of {@link SessionEvents} delivers it later.
     *
     * @return the session with the publication state it ended in
     */
    private LoggedSession publish(LoggedSession session) {
        return session.withPublication(session.publication() == Publication.PUBLISHING
                ? events.announceClaimed(session) : events.announce(session));
    }

    /** The sessionId is already taken by a session of another patient of the same clinic (never another clinic's). */
    public static class SessionConflictException extends RuntimeException {
        SessionConflictException(String sessionId) {
            super("sessionId " + sessionId + " is already used by another patient's session in your clinic");
        }
    }
}
