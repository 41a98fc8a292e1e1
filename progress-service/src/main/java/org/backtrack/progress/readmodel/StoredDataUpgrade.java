package org.backtrack.progress.readmodel;

import org.backtrack.security.ClinicKeyMigration;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Brings data written by an older version up to date, on start and before the consumer runs (listener containers
 * start after every singleton is ready), so older data directories keep working:
 * <ol>
 *   <li>the sources (raw sessions, what was published) are migrated once, idempotently, to clinic keys;</li>
 *   <li>the read models (windows, overview summaries, the month listing) carry a schema version: when it is not {@link #READ_MODEL_VERSION}
 *       they are rebuilt from the raw sessions, so a later change to a read model needs no migration of its own.</li>
 * </ol>
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class StoredDataUpgrade implements SmartInitializingSingleton {

    /**
     * Raise on any change to the shape or meaning of a read model (a rule change that alters what a summary holds
     * included). 2: keyed by clinic and patient. 3: the overview's per-patient summaries. 4: sessions listed per day
     * (the daily limit counts them), windows bounded per day and in exercise ids. 5: readings carry when they were
     * recorded (a late red flag shows from its arrival), and the tuned status rules of issue 16 change stored statuses.
     * 6: summaries counted in the clinic's time zone (and recording it).
     */
    static final int READ_MODEL_VERSION = 6;
    static final String SCHEMA_COLLECTION = "read_model_schema";
    private static final String SCHEMA_ID = "progress";
    private static final Logger log = LoggerFactory.getLogger(StoredDataUpgrade.class);

    private final MongoOperations mongo;
    private final ReadModelRebuild rebuild;

    @Override
    public void afterSingletonsInstantiated() {
        ClinicKeyMigration.rekey(mongo, "sessions", "sessionId");
        // the bookkeeping of publications did not store the clinic: the old windows (keyed by patient) know it; they
        // are read only if a publication still has a bare key, not on every start
        Map<String, String> clinicOfPatient = new HashMap<>();
        ClinicKeyMigration.rekey(mongo, "progress_publications", "patientId", p -> {
            if (clinicOfPatient.isEmpty()) {
                mongo.find(new Query(), Document.class, "patient_windows")
                        .forEach(w -> clinicOfPatient.put(String.valueOf(w.get("_id")), w.getString("clinicId")));
            }
            return clinicOfPatient.get(String.valueOf(p.get("_id")));
        });

        Document schema = mongo.findById(SCHEMA_ID, Document.class, SCHEMA_COLLECTION);
        Integer stored = schema == null ? null : schema.getInteger("version");
        boolean anySession = mongo.exists(new Query(), "sessions");
        if (stored == null && !anySession || stored != null && stored == READ_MODEL_VERSION) {
            saveVersion();
            return;
        }
        long started = System.nanoTime();
        int patients = rebuild.rebuildAll();
        saveVersion();
        log.info("Rebuilt the read models of {} patients from the raw sessions in {} ms (read-model version {} -> {})",
                patients, (System.nanoTime() - started) / 1_000_000, stored, READ_MODEL_VERSION);
    }

    private void saveVersion() {
        mongo.upsert(query(where("_id").is(SCHEMA_ID)), new org.springframework.data.mongodb.core.query.Update()
                .set("version", READ_MODEL_VERSION).set("at", Instant.now()), SCHEMA_COLLECTION);
    }
}
