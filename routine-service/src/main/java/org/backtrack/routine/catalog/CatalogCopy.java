package org.backtrack.routine.catalog;

import org.backtrack.routine.composition.CatalogEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The last catalog each clinic was served, kept in routine-service's own database for when the catalog is down. */
@Repository
class CatalogCopy {

    @Document("catalog_copy")
    record Snapshot(@Id String clinicKey, List<CatalogEntry> entries, Instant fetchedAt) {
    }

    static final String BUILT_IN_ONLY = "_built-in";

    private final MongoOperations mongo;

    CatalogCopy(MongoOperations mongo) {
        this.mongo = mongo;
    }

    void save(String clinicId, List<CatalogEntry> entries, Instant at) {
        mongo.save(new Snapshot(key(clinicId), entries, at));
    }

    Snapshot find(String clinicId) {
        Snapshot own = mongo.findById(key(clinicId), Snapshot.class);
        return own != null ? own : mongo.findOne(query(where("_id").is(BUILT_IN_ONLY)), Snapshot.class);
    }

    private static String key(String clinicId) {
        return clinicId == null ? BUILT_IN_ONLY : clinicId;
    }
}
