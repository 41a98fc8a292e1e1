package org.backtrack.security;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which clinic a patient belongs to: the clinic that first wrote anything for them (a session, a routine, a
 * program) in this service. Ownership never changes, so a request or event naming the patient under another clinic
 * is refused instead of mixing two clinics' data; reads check it before answering.
 */
public class PatientOwners {

    static final int CACHE_LIMIT = 100_000;

    @Document("patient_owners")
    record PatientOwner(@Id String patientId, String clinicId, Instant firstSeenAt) {
    }

    private final MongoOperations mongo;
    private final Clock clock;
    // owners never change, so a remembered answer stays true; bounded by clearing
    private final Map<String, String> known = new ConcurrentHashMap<>();

    public PatientOwners(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The owning clinic of {@code patientId}; {@code clinicId} becomes the owner when the patient is new. */
    public String claim(String patientId, String clinicId) {
        return ownerOf(patientId).orElseGet(() -> {
            PatientOwner stored;
            try {
                stored = mongo.insert(new PatientOwner(patientId, clinicId, clock.instant()));
            } catch (DuplicateKeyException raced) {
                stored = mongo.findById(patientId, PatientOwner.class);
            }
            remember(patientId, stored.clinicId());
            return stored.clinicId();
        });
    }

    public Optional<String> ownerOf(String patientId) {
        String owner = known.get(patientId);
        if (owner != null) {
            return Optional.of(owner);
        }
        PatientOwner stored = mongo.findById(patientId, PatientOwner.class);
        if (stored == null) {
            return Optional.empty();
        }
        remember(patientId, stored.clinicId());
        return Optional.of(stored.clinicId());
    }

    /** Whether the caller may see or change this patient's data here: known, of the caller's clinic, and theirs to see. */
    public boolean visibleTo(Caller caller, String patientId) {
        return caller.mayName(patientId) && ownerOf(patientId).filter(owner -> caller.maySee(owner, patientId)).isPresent();
    }

    private void remember(String patientId, String clinicId) {
        if (known.size() >= CACHE_LIMIT) {
            known.clear();
        }
        known.put(patientId, clinicId);
    }
}
