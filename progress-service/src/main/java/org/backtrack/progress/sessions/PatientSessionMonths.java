package org.backtrack.progress.sessions;

import org.backtrack.security.ClinicKeys;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Which sessions each patient has: one small document per patient and month of {@code completedAt}, with the id
 * {@code clinicId/patientId/yyyy-MM}. A patient's sessions are then found through ids alone (an {@code _id} range
 * over these ids, then the sessions by key), which every MongoDB-wire server serves from its {@code _id} index.
 * On MongoDB the {@code patientId} index would do as well, but the embedded server keeps no secondary index, and
 * every progress read used to scan every session of every patient. The patient id bounds a range and is
 * compared for equality; it is never part of a pattern.
 * <p>
 * Entries are only ever added, idempotently, before the session itself is written. A correction that moves a
 * session to another month leaves it listed under both; readers look sessions up by id, so that is harmless.
 */
@Repository
class PatientSessionMonths {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

    @Document("patient_session_months")
    record SessionMonth(@Id String id, String patientId, String clinicId, List<String> sessionIds) {
    }

    private final MongoOperations mongo;

    PatientSessionMonths(MongoOperations mongo) {
        this.mongo = mongo;
    }

    static String idOf(String clinicId, String patientId, Instant completedAt) {
        return ClinicKeys.of(clinicId, patientId, MONTH.format(completedAt));
    }

    /** Lists the sessions under their patient's month; one bulk write, whatever was listed before. */
    void add(Collection<RecordedSession> sessions) {
        if (sessions.isEmpty()) {
            return;
        }
        Map<String, List<RecordedSession>> byMonth = new LinkedHashMap<>();
        sessions.forEach(s -> byMonth.computeIfAbsent(idOf(s.clinicId(), s.patientId(), s.completedAt()), id -> new ArrayList<>()).add(s));
        BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, SessionMonth.class);
        byMonth.forEach((id, inMonth) -> writes.upsert(query(where("_id").is(id)), new Update()
                .setOnInsert("patientId", inMonth.get(0).patientId())
                .setOnInsert("clinicId", inMonth.get(0).clinicId())
                .addToSet("sessionIds").each(inMonth.stream().map(RecordedSession::sessionId).distinct().toArray())));
        writes.execute();
    }

    /** The keys of a patient's sessions ({@code clinicId/sessionId}), from their month listings. */
    Set<String> sessionKeysOf(String clinicId, String patientId) {
        String patient = ClinicKeys.of(clinicId, patientId);
        var months = query(where("_id").gte(ClinicKeys.rangeStart(patient)).lt(ClinicKeys.rangeEnd(patient))
                .and("clinicId").is(clinicId).and("patientId").is(patientId));
        Set<String> keys = new HashSet<>();
        mongo.find(months, SessionMonth.class).forEach(m -> m.sessionIds().forEach(id -> keys.add(ClinicKeys.of(clinicId, id))));
        return keys;
    }

    /**
     * The keys of a patient's sessions listed under the months from {@code from} to {@code until} (exclusive): one
     * {@code _id} range, whatever the length of the patient's history. A session moved by a correction may be
     * listed under a month it no longer falls in; callers compare its {@code completedAt}.
     */
    Set<String> sessionKeysOf(String clinicId, String patientId, Instant from, Instant until) {
        var months = query(where("_id").gte(idOf(clinicId, patientId, from)).lte(idOf(clinicId, patientId, until.minusMillis(1)))
                .and("clinicId").is(clinicId).and("patientId").is(patientId));
        Set<String> keys = new HashSet<>();
        mongo.find(months, SessionMonth.class).forEach(m -> m.sessionIds().forEach(id -> keys.add(ClinicKeys.of(clinicId, id))));
        return keys;
    }

    /** Distinct sessions of each of the given patients of a clinic (reads only those patients' month listings). */
    Map<String, Integer> countsByPatient(String clinicId, Collection<String> patientIds) {
        Map<String, Set<String>> ids = new HashMap<>();
        var ofPatients = query(where("_id").gte(ClinicKeys.rangeStart(clinicId)).lt(ClinicKeys.rangeEnd(clinicId))
                .and("clinicId").is(clinicId).and("patientId").in(patientIds));
        mongo.find(ofPatients, SessionMonth.class)
                .forEach(m -> ids.computeIfAbsent(m.patientId(), p -> new HashSet<>()).addAll(m.sessionIds()));
        Map<String, Integer> counts = new HashMap<>();
        ids.forEach((patient, sessions) -> counts.put(patient, sessions.size()));
        return counts;
    }

    /** Distinct sessions per patient of a clinic (reads one small document per patient and month of that clinic). */
    Map<String, Integer> countsByPatient(String clinicId) {
        Map<String, Set<String>> ids = new HashMap<>();
        var ofClinic = query(where("_id").gte(ClinicKeys.rangeStart(clinicId)).lt(ClinicKeys.rangeEnd(clinicId))
                .and("clinicId").is(clinicId));
        mongo.find(ofClinic, SessionMonth.class)
                .forEach(m -> ids.computeIfAbsent(m.patientId(), p -> new HashSet<>()).addAll(m.sessionIds()));
        Map<String, Integer> counts = new HashMap<>();
        ids.forEach((patient, sessions) -> counts.put(patient, sessions.size()));
        return counts;
    }

    /** Every listing: month id to its session ids, for the read-model check. */
    Map<String, Set<String>> all() {
        Map<String, Set<String>> all = new HashMap<>();
        mongo.findAll(SessionMonth.class).forEach(m -> all.put(m.id(), Set.copyOf(m.sessionIds())));
        return all;
    }

    void deleteAll() {
        mongo.dropCollection(SessionMonth.class);
    }
}
