package org.backtrack.progress.readmodel;

import org.backtrack.progress.assessment.PainReading;
import org.backtrack.progress.assessment.PatientWindow;
import org.backtrack.progress.sessions.RecordedSession;
import org.backtrack.progress.sessions.RecordedSessions;
import org.backtrack.security.ClinicKeys;
import org.backtrack.security.ClinicScope;
import org.backtrack.storage.GuardedWrite;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Keeps each patient's {@link PatientWindow} up to date: read, apply in memory, write back guarded by the
 * version read. Work per event is one read and one write of a bounded document, whatever the history length.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PatientWindows {

    private static final int MAX_ATTEMPTS = 10;

    private final MongoOperations mongo;
    private final RecordedSessions sessions;

    /** Applies the current version of one session and returns the patient's updated window. */
    public PatientWindow apply(String patientId, String clinicId, PainReading session) {
        return GuardedWrite.retry(MAX_ATTEMPTS,
                () -> new IllegalStateException("the window of patient " + patientId + " kept changing under concurrent updates"), () -> {
                    StoredWindow stored = mongo.findById(ClinicKeys.of(clinicId, patientId), StoredWindow.class);
                    PatientWindow current = stored == null ? PatientWindow.empty(patientId, clinicId) : stored.window();
                    PatientWindow next = current.apply(session).orElseGet(() -> recompute(patientId, clinicId));
                    return write(stored, StoredWindow.of(next, stored == null ? 1 : stored.version() + 1)) ? Optional.of(next) : Optional.empty();
                });
    }

    /**
     * Applies the standing versions of a batch's sessions, patient by patient: one read of the patients' windows,
     * one unordered bulk write guarded by the versions read. If any guard fails (another instance during a
     * rebalance), every patient of the batch goes through {@link #apply}, which is idempotent.
     *
     * @return the window after each session, in the order applied (a patient's steps are consecutive), so that
     *         every change of status the data shows can be published, not only the last of the batch
     */
    public List<PatientWindow> applyAll(Collection<RecordedSession> sessions) {
        Map<String, List<RecordedSession>> byPatient = byPatient(sessions);
        Map<String, StoredWindow> stored = new HashMap<>();
        mongo.find(query(where("_id").in(byPatient.keySet())), StoredWindow.class).forEach(w -> stored.put(w.key(), w));

        List<PatientWindow> steps = new ArrayList<>();
        BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, StoredWindow.class);
        int guarded = 0;
        for (var entry : byPatient.entrySet()) {
            String patientId = entry.getValue().get(0).patientId();
            String clinicId = entry.getValue().get(0).clinicId();
            StoredWindow previous = stored.get(entry.getKey());
            PatientWindow window = previous == null ? PatientWindow.empty(patientId, clinicId) : previous.window();
            for (RecordedSession session : entry.getValue()) {
                PainReading reading = RecordedSessions.reading(session);
                window = window.apply(reading).orElseGet(() -> recompute(patientId, clinicId));
                steps.add(window);
            }
            if (previous == null) {
                writes.insert(StoredWindow.of(window, 1));
            } else {
                writes.replaceOne(query(where("_id").is(previous.key()).and("version").is(previous.version())),
                        StoredWindow.of(window, previous.version() + 1));
                guarded++;
            }
        }
        if (steps.isEmpty()) {
            return steps;
        }
        try {
            if (writes.execute().getMatchedCount() == guarded) {
                return steps;
            }
        } catch (DuplicateKeyException | BulkOperationException raced) {
            // fall through
        }
        return byPatient.values().stream().flatMap(List::stream)
                .map(s -> apply(s.patientId(), s.clinicId(), RecordedSessions.reading(s))).toList();
    }

    /** The order in which {@link #applyAll} applies sessions: its steps are the windows after each of these, in turn. */
    public static List<RecordedSession> inApplicationOrder(Collection<RecordedSession> sessions) {
        return byPatient(sessions).values().stream().flatMap(List::stream).toList();
    }

    /** Sessions grouped by patient, patients in order of first appearance, each patient's in the order given. */
    private static Map<String, List<RecordedSession>> byPatient(Collection<RecordedSession> sessions) {
        Map<String, List<RecordedSession>> byPatient = new LinkedHashMap<>();
        sessions.forEach(s -> byPatient.computeIfAbsent(s.patientKey(), p -> new ArrayList<>()).add(s));
        return byPatient;
    }

    /**
     * The window computed from scratch from the raw sessions it is made of (those of the first week and the last six,
     * {@link RecordedSessions#inWindowOf}): the work is bounded by the window, not by the patient's history.
     */
    public PatientWindow recompute(String patientId, String clinicId) {
        return PatientWindow.of(patientId, clinicId, sessions.inWindowOf(clinicId, patientId).stream()
                .map(RecordedSessions::reading).toList());
    }

    /** Replaces a window unconditionally (the rebuild). */
    public void replace(PatientWindow window) {
        StoredWindow stored = mongo.findById(StoredWindow.keyOf(window), StoredWindow.class);
        mongo.save(StoredWindow.of(window, stored == null ? 1 : stored.version() + 1));
    }

    public Optional<PatientWindow> find(String clinicId, String patientId) {
        return Optional.ofNullable(mongo.findById(ClinicKeys.of(clinicId, patientId), StoredWindow.class))
                .filter(w -> w.clinicId().equals(clinicId))
                .map(StoredWindow::window);
    }

    /** The clinic's windows: one {@code _id} range, the clinic compared as well. */
    public List<PatientWindow> ofClinic(String clinicId) {
        return mongo.find(query(ClinicScope.of(clinicId, List.of())), StoredWindow.class).stream().map(StoredWindow::window).toList();
    }

    /**
     * A page of the clinic's stored windows in key order, after {@code afterKey} (null: from the first), at most
     * {@code limit}: one {@code _id} range, the clinic compared as well.
     */
    List<StoredWindow> pageOfClinic(String clinicId, String afterKey, int limit) {
        var range = where("_id").gte(ClinicKeys.rangeStart(clinicId)).lt(ClinicKeys.rangeEnd(clinicId));
        if (afterKey != null) {
            range = where("_id").gt(afterKey).lt(ClinicKeys.rangeEnd(clinicId));
        }
        return mongo.find(query(range.and("clinicId").is(clinicId)).with(Sort.by("_id")).limit(limit), StoredWindow.class);
    }

    public List<PatientWindow> all() {
        return mongo.findAll(StoredWindow.class).stream().map(StoredWindow::window).toList();
    }

    public void deleteAll() {
        mongo.dropCollection(StoredWindow.class);
    }

    private boolean write(StoredWindow previous, StoredWindow next) {
        if (previous == null) {
            try {
                mongo.insert(next);
                return true;
            } catch (DuplicateKeyException raced) {
                return false;
            }
        }
        var guard = query(where("_id").is(previous.key()).and("version").is(previous.version()));
        return mongo.findAndReplace(guard, next) != null;
    }
}
