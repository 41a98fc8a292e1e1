package org.backtrack.progress.programs;

import org.backtrack.events.CloudEvent;
import org.backtrack.events.ProgramChanged;
import org.backtrack.progress.programs.rules.ProgramTimeline;
import org.backtrack.progress.programs.rules.ProgramTimeline.History;
import org.backtrack.security.ClinicKeys;
import org.backtrack.storage.GuardedWrite;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
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
 * The program histories, one document per patient of a clinic in {@value #COLLECTION}, keyed by
 * {@link ClinicKeys#of}(clinicId, patientId): every read takes the clinic, so one clinic never sees another's. Changes
 * are applied per patient in one guarded write (BackTrack's {@link GuardedWrite}, on the stored version) after
 * {@link ProgramTimeline} decided them, so a redelivered or replayed batch changes nothing.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ProgramHistories {

    static final String COLLECTION = "program_history";
    private static final int MAX_ATTEMPTS = 5;

    private final MongoOperations mongo;

    /** Applies the changes of a batch, in order, each patient's in one write. */
    public void apply(List<CloudEvent<ProgramChanged>> changes) {
        Map<String, List<ProgramChanged>> byPatient = new LinkedHashMap<>();
        changes.forEach(c -> byPatient.computeIfAbsent(ClinicKeys.of(c.data().clinicId(), c.data().patientId()),
                k -> new ArrayList<>()).add(c.data()));
        byPatient.forEach(this::applyToOne);
    }

    private void applyToOne(String key, List<ProgramChanged> changes) {
        GuardedWrite.retry(MAX_ATTEMPTS, () -> new IllegalStateException("program history " + key + " kept changing"), () -> {
            History stored = mongo.findById(key, History.class, COLLECTION);
            History next = stored;
            for (ProgramChanged change : changes) {
                next = ProgramTimeline.apply(next, key, change).orElse(next);
            }
            if (next == stored) {
                return Optional.of(stored);
            }
            History written = next;
            if (stored == null) {
                return GuardedWrite.insert(() -> mongo.insert(written, COLLECTION));
            }
            var sameVersion = query(where("_id").is(key).and("version").is(stored.version()));
            return Optional.ofNullable(mongo.findAndReplace(sameVersion, written, COLLECTION)).map(replaced -> written);
        });
    }

    /** The history of a patient of the clinic. */
    public Optional<History> of(String clinicId, String patientId) {
        return Optional.ofNullable(mongo.findById(ClinicKeys.of(clinicId, patientId), History.class, COLLECTION));
    }

    /** The histories of the clinic's patients, by patient id. */
    public Map<String, History> ofClinic(String clinicId) {
        Map<String, History> found = new HashMap<>();
        mongo.find(query(where("clinicId").is(clinicId)), History.class, COLLECTION).forEach(h -> found.put(h.patientId(), h));
        return found;
    }

    /** The histories of some patients of the clinic, by patient id (one query by key). */
    public Map<String, History> of(String clinicId, Collection<String> patientIds) {
        if (patientIds.isEmpty()) {
            return Map.of();
        }
        List<String> keys = patientIds.stream().distinct().map(p -> ClinicKeys.of(clinicId, p)).toList();
        Map<String, History> found = new HashMap<>();
        mongo.find(query(where("_id").in(keys)), History.class, COLLECTION).forEach(h -> found.put(h.patientId(), h));
        return found;
    }

    /** Forgets every history (before a replay of the topic rebuilds them). */
    public long deleteAll() {
        return mongo.remove(new org.springframework.data.mongodb.core.query.Query(), COLLECTION).getDeletedCount();
    }
}
