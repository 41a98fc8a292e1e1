package org.backtrack.progress.readmodel;

import org.backtrack.progress.assessment.PainReading;
import org.backtrack.progress.assessment.PatientWindow;
import org.backtrack.progress.sessions.RecordedSessions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Keeps each patient's {@link PatientWindow} up to date: read, apply in memory, write back guarded by the
 * version read. Work per event is one read and one write of a bounded document, whatever the history length.
 */
@Repository
public class PatientWindows {

    private static final int MAX_ATTEMPTS = 10;

    private final MongoOperations mongo;
    private final RecordedSessions sessions;

    PatientWindows(MongoOperations mongo, RecordedSessions sessions) {
        this.mongo = mongo;
        this.sessions = sessions;
    }

    /** Applies the current version of one session and returns the patient's updated window. */
    public PatientWindow apply(String patientId, String clinicId, PainReading session) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            StoredWindow stored = mongo.findById(patientId, StoredWindow.class);
            PatientWindow current = stored == null ? PatientWindow.empty(patientId, clinicId) : stored.window();
            PatientWindow next = current.apply(session).orElseGet(() -> recompute(patientId, clinicId));
            if (write(stored, new StoredWindow(patientId, clinicId, stored == null ? 1 : stored.version() + 1, next))) {
                return next;
            }
        }
        throw new IllegalStateException("the window of patient " + patientId + " kept changing under concurrent updates");
    }

    /** The window computed from scratch from every raw session of the patient. */
    public PatientWindow recompute(String patientId, String clinicId) {
        return PatientWindow.of(patientId, clinicId, sessions.ofPatient(patientId).stream().map(RecordedSessions::reading).toList());
    }

    /** Replaces a window unconditionally (the rebuild). */
    public void replace(PatientWindow window) {
        StoredWindow stored = mongo.findById(window.patientId(), StoredWindow.class);
        mongo.save(new StoredWindow(window.patientId(), window.clinicId(), stored == null ? 1 : stored.version() + 1, window));
    }

    public Optional<PatientWindow> find(String patientId) {
        return Optional.ofNullable(mongo.findById(patientId, StoredWindow.class)).map(StoredWindow::window);
    }

    public List<PatientWindow> ofClinic(String clinicId) {
        return mongo.find(query(where("clinicId").is(clinicId)), StoredWindow.class).stream().map(StoredWindow::window).toList();
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
        var guard = query(where("_id").is(previous.patientId()).and("version").is(previous.version()));
        return mongo.findAndReplace(guard, next) != null;
    }
}
