package org.backtrack.progress.sessions;

import org.backtrack.events.CloudEvent;
import org.backtrack.events.InvalidEventException;
import org.backtrack.events.SessionCompleted;
import org.backtrack.events.SessionLimits;
import org.backtrack.progress.assessment.PainReading;
import org.backtrack.progress.assessment.PatientWindow;
import org.backtrack.progress.sessions.rules.CorrectionOrder;
import org.backtrack.progress.sessions.rules.CorrectionOrder.Outcome;
import org.backtrack.security.ClinicKeys;
import org.backtrack.storage.GuardedWrite;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Stores sessions idempotently without multi-document transactions: each change is one conditional
 * single-document write (insert, or update guarded by the event id read before), retried on a lost race.
 * The contract's limits per patient ({@link SessionLimits}) are decided here, event by event in delivery order: at
 * most {@link SessionLimits#MAX_SESSIONS_PER_PATIENT_PER_DAY} sessions of a patient listed on one day, at most
 * {@link SessionLimits#MAX_CORRECTIONS_PER_SESSION} corrections of a session; an event over a limit is rejected
 * with the reason (and dead-lettered by the consumer), so every stored document stays bounded.
 */
@Repository
public class RecordedSessions {

    /** The outcome and the session's version that now stands (which may be an earlier, newer correction). */
    public record Recorded(Outcome outcome, RecordedSession current) {
    }

    /** An event to record and the time that orders it among corrections of the same session ({@link CorrectionOrder}). */
    public record Incoming(CloudEvent<SessionCompleted> event, Instant eventTime) {
        /** The session's identity: {@code clinicId/sessionId}. */
        public String key() {
            return RecordedSession.keyOf(event.data());
        }
    }

    /**
     * What recording a batch did: the versions that now stand for the sessions the batch touched, and the events
     * that broke a rule or a limit, by their position in the batch (nothing of them is recorded; every other event is).
     */
    public record BatchRecorded(Collection<RecordedSession> current, Map<Integer, InvalidEventException> rejections) {
    }

    private static final int MAX_ATTEMPTS = 5;
    private static final int ID_SLICE = 100;

    private final MongoOperations mongo;
    private final PatientSessionMonths months;
    private final Clock clock;

    RecordedSessions(MongoOperations mongo, PatientSessionMonths months) {
        this.mongo = mongo;
        this.months = months;
        this.clock = Clock.systemUTC();
    }

    /** The time that orders this event among corrections of its session ({@link CorrectionOrder}). */
    public Instant eventTime(CloudEvent<SessionCompleted> event, Instant arrivedAt) {
        return CorrectionOrder.orderingTime(event.time(), arrivedAt, clock.instant());
    }

    /**
     * Records a batch with the outcome {@link #record} would give event by event, in a handful of round trips:
     * one read of every stored session the batch names and of the month listings of its days, one unordered bulk
     * insert of the new ones. The limits are decided in memory, in order, against the listed days. Sessions
     * already stored that the batch changes (corrections, new event ids) go through {@link #record} one by one,
     * as does everything after a lost insert race, so the guards of the single-event path still hold (that
     * fallback, taken only when another consumer writes the same sessions at once, does not count the limits).
     */
    public BatchRecorded recordAll(List<Incoming> batch) {
        if (batch.isEmpty()) {
            return new BatchRecorded(List.of(), Map.of());
        }
        Map<String, RecordedSession> stored = new HashMap<>();
        List<String> keys = batch.stream().map(Incoming::key).distinct().toList();
        findByKeys(keys).forEach(r -> stored.put(r.key(), r));
        List<String> monthIds = new ArrayList<>();
        batch.forEach(i -> monthIds.add(PatientSessionMonths.idOf(i.event().data().clinicId(), i.event().data().patientId(),
                i.event().data().completedAt())));
        Map<String, Set<String>> listedDays = months.daysOf(monthIds);

        // decide in memory, in order, exactly as one record() after another would
        Map<String, RecordedSession> standing = new LinkedHashMap<>();
        Map<String, List<Incoming>> changesToStored = new LinkedHashMap<>();
        List<Incoming> accepted = new ArrayList<>(batch.size());
        Map<Integer, InvalidEventException> rejections = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Incoming incoming = batch.get(i);
            RecordedSession before = standing.getOrDefault(incoming.key(), stored.get(incoming.key()));
            try {
                RecordedSession next = before == null ? newRecord(incoming) : applied(before, incoming);
                countOnItsDay(before, next, listedDays);
                standing.put(incoming.key(), next);
            } catch (InvalidEventException e) {
                rejections.put(i, e); // left out, as if it had never arrived; the rest of the batch goes on
                continue;
            }
            accepted.add(incoming);
            if (stored.containsKey(incoming.key())) {
                changesToStored.computeIfAbsent(incoming.key(), key -> new ArrayList<>()).add(incoming);
            }
        }

        // listed first: a session written but not listed would be invisible to reads, a listed one not yet written is skipped
        months.add(standing.values().stream().filter(r -> !r.equals(stored.get(r.key()))).toList());
        List<RecordedSession> fresh = standing.values().stream().filter(r -> !stored.containsKey(r.key())).toList();
        if (!fresh.isEmpty() && !insertAll(fresh)) {
            // another writer got there first for some of them: fall back to the guarded path for the whole batch
            return new BatchRecorded(recordOneByOne(accepted), rejections);
        }
        changesToStored.forEach((key, events) -> {
            if (!standing.get(key).equals(stored.get(key))) {
                events.forEach(e -> standing.put(key, recordGuarded(e)));
            }
        });
        return new BatchRecorded(List.copyOf(standing.values()), rejections);
    }

    private RecordedSession newRecord(Incoming incoming) {
        return fresh(incoming.event(), incoming.eventTime());
    }

    /**
     * Counts a session on the day it now stands on, unless it stood there already.
     *
     * @throws InvalidEventException naming {@code data.completedAt} when that day is full
     */
    private static void countOnItsDay(RecordedSession before, RecordedSession next, Map<String, Set<String>> listedDays) {
        String day = PatientSessionMonths.dayKeyOf(next.clinicId(), next.patientId(), next.completedAt());
        if (before != null && day.equals(PatientSessionMonths.dayKeyOf(before.clinicId(), before.patientId(), before.completedAt()))) {
            return;
        }
        Set<String> onDay = listedDays.computeIfAbsent(day, d -> new HashSet<>());
        if (!onDay.contains(next.sessionId()) && !SessionLimits.roomForAnotherSession(onDay.size())) {
            throw SessionLimits.dayFull("data.completedAt", SessionLimits.dayOf(next.completedAt()));
        }
        onDay.add(next.sessionId());
        if (before != null) {
            listedDays.computeIfPresent(PatientSessionMonths.dayKeyOf(before.clinicId(), before.patientId(), before.completedAt()),
                    (d, ids) -> {
                        ids.remove(before.sessionId());
                        return ids;
                    });
        }
    }

    /** The stored session after one more event, as {@link #record} would write it. */
    private RecordedSession applied(RecordedSession before, Incoming incoming) {
        CloudEvent<SessionCompleted> event = incoming.event();
        Outcome outcome = decide(before, event, incoming.eventTime());
        if (outcome == Outcome.DUPLICATE) {
            return before;
        }
        if (!SessionLimits.mayBeCorrectedAgain(before.eventIds().size() - 1)) {
            throw SessionLimits.correctedTooOften("data.sessionId"); // its event ids, and its document, stay bounded
        }
        List<String> eventIds = new ArrayList<>(before.eventIds());
        eventIds.add(event.id());
        if (outcome == Outcome.STALE_CORRECTION) {
            return new RecordedSession(before.key(), before.sessionId(), before.clinicId(), before.patientId(),
                    before.completedAt(), before.session(), before.eventId(), before.eventTime(), eventIds, before.recordedAt());
        }
        return corrected(before, event, incoming.eventTime(), eventIds);
    }

    private boolean insertAll(List<RecordedSession> fresh) {
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, RecordedSession.class).insert(fresh).execute();
            return true;
        } catch (DuplicateKeyException | BulkOperationException raced) {
            return false;
        }
    }

    private Collection<RecordedSession> recordOneByOne(List<Incoming> events) {
        Map<String, RecordedSession> standing = new LinkedHashMap<>();
        events.forEach(e -> standing.put(e.key(), recordGuarded(e)));
        return List.copyOf(standing.values());
    }

    /** {@link #record}, for an event already checked against the rules: a rejection now means a race, worth a retry. */
    private RecordedSession recordGuarded(Incoming incoming) {
        try {
            return record(incoming.event(), incoming.eventTime()).current();
        } catch (InvalidEventException raced) {
            throw new ConcurrentSessionUpdateException(incoming.key());
        }
    }

    public Recorded record(CloudEvent<SessionCompleted> event, Instant eventTime) {
        SessionCompleted session = event.data();
        return GuardedWrite.retry(MAX_ATTEMPTS, () -> new ConcurrentSessionUpdateException(RecordedSession.keyOf(session)), () -> {
            RecordedSession stored = mongo.findById(RecordedSession.keyOf(session), RecordedSession.class);
            if (stored == null) {
                var fresh = fresh(event, eventTime);
                months.add(List.of(fresh));
                return GuardedWrite.insert(() -> new Recorded(Outcome.NEW, mongo.insert(fresh)));
            }
            Outcome outcome = decide(stored, event, eventTime);
            if (outcome == Outcome.DUPLICATE) {
                return Optional.of(new Recorded(outcome, stored));
            }
            Update update = new Update().addToSet("eventIds", event.id());
            if (outcome == Outcome.CORRECTED) {
                months.add(List.of(corrected(stored, event, eventTime, stored.eventIds())));
                update.set("completedAt", session.completedAt()).set("session", session).set("eventId", event.id())
                        .set("eventTime", eventTime).set("recordedAt", clock.instant());
            }
            var guard = query(where("_id").is(stored.key()).and("eventId").is(stored.eventId()));
            RecordedSession updated = mongo.findAndModify(guard, update,
                    FindAndModifyOptions.options().returnNew(true), RecordedSession.class);
            if (updated == null) {
                return Optional.empty();
            }
            if (!SessionLimits.dayOf(updated.completedAt()).equals(SessionLimits.dayOf(stored.completedAt()))) {
                months.remove(List.of(stored)); // listed under its new day above; off the old one now it is written
            }
            return Optional.of(new Recorded(outcome, updated));
        });
    }

    private RecordedSession fresh(CloudEvent<SessionCompleted> event, Instant eventTime) {
        SessionCompleted session = event.data();
        return new RecordedSession(RecordedSession.keyOf(session), session.sessionId(), session.clinicId(), session.patientId(),
                session.completedAt(), session, event.id(), eventTime, List.of(event.id()), clock.instant());
    }

    private RecordedSession corrected(RecordedSession before, CloudEvent<SessionCompleted> event, Instant eventTime,
                                      List<String> eventIds) {
        SessionCompleted session = event.data();
        return new RecordedSession(before.key(), before.sessionId(), before.clinicId(), before.patientId(), session.completedAt(),
                session, event.id(), eventTime, eventIds, clock.instant());
    }

    private static Outcome decide(RecordedSession stored, CloudEvent<SessionCompleted> event, Instant eventTime) {
        return CorrectionOrder.decide(new CorrectionOrder.Standing(stored.patientId(), stored.eventTime(), stored.eventIds()),
                event.id(), event.data().patientId(), eventTime);
    }

    /**
     * A patient's sessions in time order, found by key through {@link PatientSessionMonths} (no collection scan).
     * Everything is keyed by the clinic, so nothing of another clinic is read; the clinic filter on the sessions
     * themselves holds even if the listing were inconsistent.
     */
    public List<RecordedSession> ofPatient(String clinicId, String patientId) {
        Set<String> keys = months.sessionKeysOf(clinicId, patientId);
        if (keys.isEmpty()) {
            return List.of();
        }
        List<RecordedSession> found = new ArrayList<>(findByKeys(keys));
        found.removeIf(s -> !s.clinicId().equals(clinicId) || !s.patientId().equals(patientId));
        found.sort(Comparator.comparing(RecordedSession::completedAt).thenComparing(RecordedSession::sessionId));
        return found;
    }

    /**
     * The sessions a patient's read model is made of ({@link PatientWindow#of}): those of the days from the first
     * session to {@link PatientWindow#BASELINE} after it and from {@link PatientWindow#RECENT} before the latest to it,
     * found through the day listing. No other session is read, so recomputing a window costs the same whatever the
     * length of the patient's history. A day listed only by a stale entry (a session a correction moved, should
     * taking it off have been lost) does not count as the first or the latest.
     */
    public List<RecordedSession> inWindowOf(String clinicId, String patientId) {
        TreeMap<LocalDate, Set<String>> days = months.daysOfPatient(clinicId, patientId);
        Map<String, RecordedSession> read = new HashMap<>();
        Optional<LocalDate> first = firstActualDay(days.entrySet(), clinicId, patientId, read);
        Optional<LocalDate> latest = firstActualDay(days.descendingMap().entrySet(), clinicId, patientId, read);
        if (first.isEmpty() || latest.isEmpty()) {
            return List.of();
        }
        Set<String> keys = new HashSet<>();
        long baselineDays = PatientWindow.BASELINE.toDays() + 1;
        long recentDays = PatientWindow.RECENT.toDays() + 1;
        days.subMap(first.get(), true, first.get().plusDays(baselineDays), true).values()
                .forEach(ids -> ids.forEach(id -> keys.add(ClinicKeys.of(clinicId, id))));
        days.subMap(latest.get().minusDays(recentDays), true, latest.get(), true).values()
                .forEach(ids -> ids.forEach(id -> keys.add(ClinicKeys.of(clinicId, id))));
        keys.removeAll(read.keySet());
        findByKeys(keys).forEach(s -> read.put(s.key(), s));
        return read.values().stream().filter(s -> s.clinicId().equals(clinicId) && s.patientId().equals(patientId)).toList();
    }

    /** The first of these days on which one of the sessions listed there actually falls (reading them into {@code read}). */
    private Optional<LocalDate> firstActualDay(Iterable<Map.Entry<LocalDate, Set<String>>> days, String clinicId, String patientId,
                                               Map<String, RecordedSession> read) {
        for (Map.Entry<LocalDate, Set<String>> day : days) {
            List<String> keys = day.getValue().stream().map(id -> ClinicKeys.of(clinicId, id)).toList();
            boolean actual = false;
            for (RecordedSession session : findByKeys(keys)) {
                read.put(session.key(), session);
                actual |= session.patientId().equals(patientId) && SessionLimits.dayOf(session.completedAt()).equals(day.getKey());
            }
            if (actual) {
                return Optional.of(day.getKey());
            }
        }
        return Optional.empty();
    }

    /**
     * Sessions by id, in slices: the MongoDB-wire server matches each document it finds against the whole
     * {@code $in} list, so one query for thousands of ids costs their square (2,400 ids took seconds).
     */
    private List<RecordedSession> findByKeys(Collection<String> keys) {
        List<String> all = List.copyOf(keys);
        List<RecordedSession> found = new ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += ID_SLICE) {
            found.addAll(mongo.find(query(where("_id").in(all.subList(from, Math.min(all.size(), from + ID_SLICE)))),
                    RecordedSession.class));
        }
        return found;
    }

    /**
     * A patient's session count over the whole history, and the sessions completed from {@code from} to {@code until}
     * (exclusive) in time order.
     */
    public record History(int sessionCount, List<RecordedSession> between) {
    }

    /**
     * {@link History} from one read of the patient's listing (ids only) and a read of the sessions listed on the days of
     * the period: the cost follows the period, not the length of the history.
     */
    public History historyOf(String clinicId, String patientId, Instant from, Instant until) {
        TreeMap<LocalDate, Set<String>> days = months.daysOfPatient(clinicId, patientId);
        Set<String> all = new HashSet<>();
        days.values().forEach(all::addAll);
        if (!from.isBefore(until)) {
            return new History(all.size(), List.of());
        }
        Set<String> keys = new HashSet<>();
        days.subMap(SessionLimits.dayOf(from), true, SessionLimits.dayOf(until.minusMillis(1)), true).values()
                .forEach(ids -> ids.forEach(id -> keys.add(ClinicKeys.of(clinicId, id))));
        List<RecordedSession> found = new ArrayList<>(keys.isEmpty() ? List.of() : findByKeys(keys));
        // a session a correction moved may still be listed on its former day for a moment: its completedAt decides
        found.removeIf(s -> !s.clinicId().equals(clinicId) || !s.patientId().equals(patientId)
                || s.completedAt().isBefore(from) || !s.completedAt().isBefore(until));
        found.sort(Comparator.comparing(RecordedSession::completedAt).thenComparing(RecordedSession::sessionId));
        return new History(all.size(), found);
    }

    /**
     * The sessions of a patient completed from {@code from} to {@code until} (exclusive), in time order (then by session
     * id), starting at {@code fromSessionId} among those completed exactly at {@code from} (null: all of them): read a
     * few listed days at a time until at least {@code atLeast} are found or the period ends, so the cost follows the
     * page, not the length of the history. Empty when the patient has no session at all in the caller's clinic.
     */
    public Optional<List<RecordedSession>> slice(String clinicId, String patientId, Instant from, String fromSessionId,
                                                 Instant until, int atLeast) {
        TreeMap<LocalDate, Set<String>> days = months.daysOfPatient(clinicId, patientId);
        if (days.isEmpty()) {
            return Optional.empty();
        }
        if (!from.isBefore(until)) {
            return Optional.of(List.of());
        }
        Map<String, RecordedSession> found = new LinkedHashMap<>();
        var remaining = days.subMap(SessionLimits.dayOf(from), true, SessionLimits.dayOf(until.minusMillis(1)), true)
                .values().iterator();
        while (found.size() < atLeast && remaining.hasNext()) {
            // whole days at a time, enough of them to fill the rest if every listed session matches
            Set<String> keys = new HashSet<>();
            while (remaining.hasNext() && keys.size() < atLeast - found.size()) {
                remaining.next().forEach(id -> keys.add(ClinicKeys.of(clinicId, id)));
            }
            keys.removeAll(found.keySet());
            for (RecordedSession s : findByKeys(keys)) {
                // a session a correction moved may still be listed on its former day for a moment: its completedAt decides
                if (s.clinicId().equals(clinicId) && s.patientId().equals(patientId) && !s.completedAt().isBefore(from)
                        && s.completedAt().isBefore(until) && (fromSessionId == null || !s.completedAt().equals(from)
                        || s.sessionId().compareTo(fromSessionId) >= 0)) {
                    found.put(s.key(), s);
                }
            }
        }
        List<RecordedSession> sessions = new ArrayList<>(found.values());
        sessions.sort(Comparator.comparing(RecordedSession::completedAt).thenComparing(RecordedSession::sessionId));
        return Optional.of(sessions);
    }

    /**
     * Every session of a clinic completed from {@code from} to {@code until} (exclusive), in time order (then by session
     * id): one query on the clinic and {@code completedAt}, for reads across the clinic's patients over a few weeks.
     */
    public List<RecordedSession> ofClinicBetween(String clinicId, Instant from, Instant until) {
        List<RecordedSession> found = new ArrayList<>(mongo.find(query(where("clinicId").is(clinicId)
                .and("completedAt").gte(from).lt(until)), RecordedSession.class));
        found.sort(Comparator.comparing(RecordedSession::completedAt).thenComparing(RecordedSession::sessionId));
        return found;
    }

    /** The pain before of one stored session, as {@link #painOfClinic} reads it. */
    public record SessionPain(String patientId, Instant completedAt, int painBefore) {
    }

    /** The stored fields {@link #painOfClinic} reads, mapped onto {@link SessionPain}. */
    record PainRow(String patientId, Instant completedAt, PainOnly session) {
        record PainOnly(int painBefore) {
        }
    }

    /**
     * The pain before of every session of a clinic completed from {@code from} to {@code until} (exclusive): the
     * versions that stand after corrections, one document per session, in one query reading three fields (on
     * MongoDB, served by the {@code clinicId} index; the embedded server scans). Read at request time, so it always
     * equals a recomputation.
     */
    public List<SessionPain> painOfClinic(String clinicId, Instant from, Instant until) {
        Query q = query(where("clinicId").is(clinicId).and("completedAt").gte(from).lt(until));
        q.fields().include("patientId", "completedAt", "session.painBefore");
        return mongo.find(q, PainRow.class, mongo.getCollectionName(RecordedSession.class)).stream()
                .map(r -> new SessionPain(r.patientId(), r.completedAt(), r.session().painBefore())).toList();
    }

    /** Distinct sessions of each of the given patients of a clinic. */
    public Map<String, Integer> countsByPatient(String clinicId, Collection<String> patientIds) {
        return patientIds.isEmpty() ? Map.of() : months.countsByPatient(clinicId, patientIds);
    }

    /** Lists every recorded session under its patient and month again, from scratch (rebuild, first start). */
    public int reindex() {
        months.deleteAll();
        int count = 0;
        List<RecordedSession> chunk = new ArrayList<>();
        try (Stream<RecordedSession> all = all()) {
            for (RecordedSession session : (Iterable<RecordedSession>) all::iterator) {
                chunk.add(session);
                if (chunk.size() == 1000) {
                    months.add(chunk);
                    count += chunk.size();
                    chunk.clear();
                }
            }
        }
        months.add(chunk);
        return count + chunk.size();
    }

    /**
     * Whether a session is listed under its patient and the day it now falls on (the read-model check), from
     * one read of the whole listing.
     */
    public Predicate<RecordedSession> listing() {
        Map<String, Set<String>> listed = months.all();
        return s -> listed.getOrDefault(PatientSessionMonths.dayKeyOf(s.clinicId(), s.patientId(), s.completedAt()), Set.of())
                .contains(s.sessionId());
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
                s.painAfter(), s.flagsOrNone().sharpPain(), s.flagsOrNone().anyRedFlag(), exercises, recorded.recordedAt());
    }

    /** Raised when other writers kept winning the race for one session; the consumer retries the record. */
    public static class ConcurrentSessionUpdateException extends RuntimeException {
        ConcurrentSessionUpdateException(String key) {
            super("session " + key + " kept changing under concurrent writes");
        }
    }
}
