package org.backtrack.progress.sessions;

import org.backtrack.events.SessionLimits;
import org.backtrack.security.ClinicKeys;
import lombok.RequiredArgsConstructor;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Which sessions each patient has: one small document per patient and month of {@code completedAt}, with the id
 * {@code clinicId/patientId/yyyy-MM}, listing the session ids per day ({@code days.yyyy-MM-dd}, the UTC day of the
 * contract's daily limit, {@link SessionLimits#dayOf}). The days are what the daily limit counts, so a document holds
 * at most 31 days of {@link SessionLimits#MAX_SESSIONS_PER_PATIENT_PER_DAY} ids (a few tens of KiB). A patient's sessions are then found through ids alone (an {@code _id} range
 * over these ids, then the sessions by key), which every MongoDB-wire server serves from its {@code _id} index.
 * On MongoDB the {@code patientId} index would do as well, but the embedded server keeps no secondary index, and
 * every progress read used to scan every session of every patient. The patient id bounds a range and is
 * compared for equality; it is never part of a pattern.
 * <p>
 * Entries are added, idempotently, before the session itself is written. A correction that moves a session to
 * another day adds it under the new day first and takes it off the old one after the session was written, so a
 * session is never unlisted and the old day's count falls back (should the service stop in between, the old day
 * keeps a stale entry, harmless to readers, which look sessions up by id, and removed by the next rebuild).
 */
@Repository
@RequiredArgsConstructor
class PatientSessionMonths {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);
    private static final String DAYS = "days";

    /** @param days session ids by day, {@code yyyy-MM-dd} */
    @Document("patient_session_months")
    record SessionMonth(@Id String id, String patientId, String clinicId, Map<String, List<String>> days) {

        /** Every session listed in the month, whatever its day. */
        List<String> sessionIds() {
            return days == null ? List.of() : days.values().stream().flatMap(List::stream).distinct().toList();
        }
    }

    private final MongoOperations mongo;

    static String idOf(String clinicId, String patientId, Instant completedAt) {
        return ClinicKeys.of(clinicId, patientId, MONTH.format(completedAt));
    }

    /** The key of a patient's day, {@code clinicId/patientId/yyyy-MM-dd}, as {@link #daysOf} returns them. */
    static String dayKeyOf(String clinicId, String patientId, Instant completedAt) {
        return ClinicKeys.of(clinicId, patientId, SessionLimits.dayOf(completedAt).toString());
    }

    /** Lists the sessions under their patient's month and day; one bulk write, whatever was listed before. */
    void add(Collection<RecordedSession> sessions) {
        writeByMonth(sessions, (id, inMonth, writes) -> {
            Update update = new Update().setOnInsert("patientId", inMonth.get(0).patientId())
                    .setOnInsert("clinicId", inMonth.get(0).clinicId());
            byDay(inMonth).forEach((day, ids) -> update.addToSet(DAYS + "." + day).each(ids.toArray()));
            writes.upsert(query(where("_id").is(id)), update);
        });
    }

    /** Takes sessions off the days they were listed under (versions a correction moved to another day). */
    void remove(Collection<RecordedSession> movedFrom) {
        writeByMonth(movedFrom, (id, inMonth, writes) -> {
            Update update = new Update();
            byDay(inMonth).forEach((day, ids) -> update.pullAll(DAYS + "." + day, ids.toArray()));
            writes.updateOne(query(where("_id").is(id)), update);
        });
    }

    /** How one month document's sessions become a write of the bulk. */
    @FunctionalInterface
    private interface MonthWrite {
        void add(String monthId, List<RecordedSession> inMonth, BulkOperations writes);
    }

    /** The sessions grouped under their patient's month, one write each, all in one unordered bulk write. */
    private void writeByMonth(Collection<RecordedSession> sessions, MonthWrite write) {
        if (sessions.isEmpty()) {
            return;
        }
        Map<String, List<RecordedSession>> byMonth = new LinkedHashMap<>();
        sessions.forEach(s -> byMonth.computeIfAbsent(idOf(s.clinicId(), s.patientId(), s.completedAt()), id -> new ArrayList<>()).add(s));
        BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, SessionMonth.class);
        byMonth.forEach((id, inMonth) -> write.add(id, inMonth, writes));
        writes.execute();
    }

    private static Map<String, List<String>> byDay(List<RecordedSession> sessions) {
        Map<String, List<String>> byDay = new TreeMap<>();
        sessions.forEach(s -> {
            List<String> ids = byDay.computeIfAbsent(SessionLimits.dayOf(s.completedAt()).toString(), d -> new ArrayList<>());
            if (!ids.contains(s.sessionId())) {
                ids.add(s.sessionId());
            }
        });
        return byDay;
    }

    /**
     * The sessions listed on every day of the given patients' months, by day key ({@link #dayKeyOf}): one read of
     * those month documents by id.
     *
     * @param monthIds ids as {@link #idOf} makes them
     */
    Map<String, Set<String>> daysOf(Collection<String> monthIds) {
        Map<String, Set<String>> days = new HashMap<>();
        if (monthIds.isEmpty()) {
            return days;
        }
        mongo.find(query(where("_id").in(List.copyOf(new HashSet<>(monthIds)))), SessionMonth.class).forEach(m -> {
            if (m.days() != null) {
                m.days().forEach((day, ids) -> days.computeIfAbsent(ClinicKeys.of(m.clinicId(), m.patientId(), day),
                        k -> new HashSet<>()).addAll(ids));
            }
        });
        return days;
    }

    /** The keys of a patient's sessions ({@code clinicId/sessionId}), from their month listings. */
    Set<String> sessionKeysOf(String clinicId, String patientId) {
        Set<String> keys = new HashSet<>();
        monthsOf(clinicId, patientId).forEach(m -> m.sessionIds().forEach(id -> keys.add(ClinicKeys.of(clinicId, id))));
        return keys;
    }

    /** Distinct sessions of each of the given patients of a clinic (reads only those patients' month listings). */
    Map<String, Integer> countsByPatient(String clinicId, Collection<String> patientIds) {
        // one seek of each patient's own key range: a range over the whole clinic read every month of every patient
        // of it (the clinic's whole history) to count one page of patients
        Map<String, Integer> counts = new HashMap<>();
        for (String patientId : new LinkedHashSet<>(patientIds)) {
            Set<String> ids = new HashSet<>();
            monthsOf(clinicId, patientId).forEach(m -> ids.addAll(m.sessionIds()));
            if (!ids.isEmpty()) {
                counts.put(patientId, ids.size());
            }
        }
        return counts;
    }

    /** A patient's month listings: one {@code _id} range over the patient's keys, the clinic and patient compared as well. */
    private List<SessionMonth> monthsOf(String clinicId, String patientId) {
        String patient = ClinicKeys.of(clinicId, patientId);
        return mongo.find(query(where("_id").gte(ClinicKeys.rangeStart(patient)).lt(ClinicKeys.rangeEnd(patient))
                .and("clinicId").is(clinicId).and("patientId").is(patientId)), SessionMonth.class);
    }

    /** A patient's listed days, in order, each with its session ids (one {@code _id} range over the patient's months). */
    TreeMap<LocalDate, Set<String>> daysOfPatient(String clinicId, String patientId) {
        TreeMap<LocalDate, Set<String>> days = new TreeMap<>();
        monthsOf(clinicId, patientId).forEach(m -> {
            if (m.days() != null) {
                m.days().forEach((day, ids) -> {
                    if (!ids.isEmpty()) {
                        days.computeIfAbsent(LocalDate.parse(day), d -> new HashSet<>()).addAll(ids);
                    }
                });
            }
        });
        return days;
    }

    /** Every listing: day key ({@link #dayKeyOf}) to its session ids, for the read-model check. */
    Map<String, Set<String>> all() {
        Map<String, Set<String>> all = new HashMap<>();
        mongo.findAll(SessionMonth.class).forEach(m -> {
            if (m.days() != null) {
                m.days().forEach((day, ids) -> all.computeIfAbsent(ClinicKeys.of(m.clinicId(), m.patientId(), day),
                        k -> new HashSet<>()).addAll(ids));
            }
        });
        return all;
    }

    void deleteAll() {
        mongo.dropCollection(SessionMonth.class);
    }
}
