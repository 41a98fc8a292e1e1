package org.backtrack.security;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;
import java.util.function.Function;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Moves a source collection written before clinic keys to them, once, on start: each document whose {@code _id}
 * is a bare id gets the key {@code clinicId/id}, keeps the bare id in {@code idField}, and the old document goes.
 * Each step is idempotent (an upsert by the new key, then a delete by the old), so a start that dies halfway
 * simply does the rest next time; a marker in {@code schema_migrations} spares later starts the scan. Older
 * data had one clinic per id, so no two documents can meet under one key.
 */
public final class ClinicKeyMigration {

    static final String MARKERS = "schema_migrations";
    private static final Logger log = LoggerFactory.getLogger(ClinicKeyMigration.class);

    private ClinicKeyMigration() {
    }

    /** @return how many documents were moved; each document names its clinic in {@code clinicId} */
    public static int rekey(MongoOperations mongo, String collection, String idField) {
        return rekey(mongo, collection, idField, document -> document.getString("clinicId"));
    }

    /**
     * @param clinicOf the clinic of an old document, for collections that did not store it; a document without
     *                 one is left as it is (and logged)
     * @return how many documents were moved
     */
    public static int rekey(MongoOperations mongo, String collection, String idField, Function<Document, String> clinicOf) {
        String marker = "clinic-keys:" + collection;
        if (mongo.exists(query(where("_id").is(marker)), MARKERS)) {
            return 0;
        }
        int moved = 0;
        for (Document document : mongo.find(new Query(), Document.class, collection)) {
            if (!(document.get("_id") instanceof String id) || !ClinicKeys.isBare(id)) {
                continue;
            }
            String clinicId = clinicOf.apply(document);
            if (clinicId == null) {
                log.warn("{} {} names no clinic and keeps its old key", collection, id);
                continue;
            }
            Document rekeyed = new Document(document);
            rekeyed.put("clinicId", clinicId);
            rekeyed.put("_id", ClinicKeys.of(clinicId, id));
            rekeyed.put(idField, id);
            mongo.findAndReplace(query(where("_id").is(rekeyed.get("_id"))), rekeyed,
                    FindAndReplaceOptions.options().upsert(), Document.class, collection);
            mongo.remove(query(where("_id").is(id)), collection);
            moved++;
        }
        mongo.save(new Document("_id", marker).append("doneAt", Instant.now()).append("moved", moved), MARKERS);
        if (moved > 0) {
            log.info("Moved {} documents of {} to clinic keys (data written before clinic-scoped ids)", moved, collection);
        }
        return moved;
    }
}
