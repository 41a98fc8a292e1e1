package org.backtrack.progress.fhir;

import org.backtrack.paging.Paging;
import org.backtrack.progress.fhir.rules.DateRange;
import org.backtrack.progress.sessions.RecordedSession;
import org.backtrack.progress.sessions.RecordedSessions;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.hl7.fhir.r4.model.Observation;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /fhir/r4/Observation?patient=}: a patient's Observations ({@link ObservationMapping}) from the sessions
 * progress-service stores, the same ones its progress series shows (corrections applied, duplicates counted once), in
 * the order of {@code completedAt}, then session id, then the Observation's place in its session. Pages continue
 * after a cursor holding the last Observation's position, so sessions arriving between two pages neither repeat nor
 * hide one that was already there. Everything is read with the caller's clinic as part of every key.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ObservationSearch {

    /** The query parameter carrying a next page's position. */
    public static final String CURSOR = "_cursor";

    private final RecordedSessions sessions;

    /** A page: its Observations and, when more follow, where the next one starts. */
    public record Page(List<Observation> observations, Optional<Paging.Cursor> next) {
    }

    /** Where an Observation stands in a patient's list: its session's time and id, then its place in the session. */
    public record Position(Instant completedAt, String sessionId, int index) {

        /** The position a cursor of this search carries; a cursor this API did not hand out is a 400 naming it. */
        public static Position of(Paging.Cursor cursor) {
            return new Position(cursor.instant(CURSOR, 0), cursor.identifier(CURSOR, 1),
                    cursor.integer(CURSOR, 2, ObservationMapping.PAIN_BEFORE, ObservationMapping.RED_FLAGS));
        }

        public Paging.Cursor cursor() {
            return Paging.Cursor.of(completedAt, sessionId, index);
        }

        /** Whether this position comes before the Observation at ({@code at}, {@code session}, {@code i}). */
        boolean isBefore(Instant at, String session, int i) {
            int byTime = completedAt.compareTo(at);
            if (byTime != 0) {
                return byTime < 0;
            }
            int bySession = sessionId.compareTo(session);
            return bySession != 0 ? bySession < 0 : index < i;
        }
    }

    /**
     * @param after where the page before ended, if any ({@link Position#of} its cursor)
     * @return empty when the patient has no session in this clinic (unknown, another clinic's, or never seen)
     */
    public Optional<Page> search(String clinicId, String patientId, DateRange range, Optional<Position> after, int count) {
        Instant from = range.from();
        String fromSession = null;
        if (after.isPresent() && !after.get().completedAt().isBefore(from)) {
            from = after.get().completedAt();
            fromSession = after.get().sessionId();
        }
        // every session gives at least two Observations
        int sessionsNeeded = (count + 1) / 2 + 2;
        Optional<List<RecordedSession>> read = sessions.slice(clinicId, patientId, from, fromSession, range.until(), sessionsNeeded);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        List<Observation> page = new ArrayList<>(count);
        Position last = null;
        for (RecordedSession session : read.get()) {
            List<Observation> observations = ObservationMapping.of(session);
            for (int index = 0; index < observations.size(); index++) {
                if (after.isPresent() && !after.get().isBefore(session.completedAt(), session.sessionId(), index)) {
                    continue;
                }
                if (page.size() == count) {
                    return Optional.of(new Page(page, Optional.of(last.cursor()))); // more follow
                }
                page.add(observations.get(index));
                last = new Position(session.completedAt(), session.sessionId(), index);
            }
        }
        return Optional.of(new Page(page, Optional.empty()));
    }
}
