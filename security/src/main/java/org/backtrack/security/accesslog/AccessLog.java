package org.backtrack.security.accesslog;

import org.backtrack.problems.InvalidParameterException;
import org.backtrack.security.Caller;
import org.backtrack.paging.Paging;
import lombok.RequiredArgsConstructor;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who touched which patient's data: one entry per successful request that named a patient (or read a clinic's
 * patient overview), kept in the service's own database and readable by the clinic's administrators.
 */
@RequiredArgsConstructor
public class AccessLog {

    /** Marks an overview entry: the request read every patient of the clinic. */
    public static final String ALL_PATIENTS = "*";
    /** The query parameter that carries the cursor of the page before. */
    public static final String BEFORE = "before";
    static final String COLLECTION = "access_log";
    private static final Logger log = LoggerFactory.getLogger(AccessLog.class);

    private final MongoOperations mongo;
    private final String service;
    private final Clock clock;

    /** Creates the log's indexes if missing (idempotent); the bean's init method, so constructing does no I/O. */
    public void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("clinicId", Sort.Direction.ASC).on("at", Sort.Direction.DESC)
                .on("_id", Sort.Direction.DESC));
        // the retention's delete by age (real MongoDB; the embedded wire server scans, once per purge)
        mongo.indexOps(COLLECTION).createIndex(new Index().on("at", Sort.Direction.ASC));
    }

    @Document(AccessLog.COLLECTION)
    public record Entry(@Id String id, Instant at, String user, String clinicId, String patientId, String service,
                        String method, String endpoint, int status) {
    }

    public void record(Caller caller, String patientId, String method, String endpoint, int status) {
        try {
            mongo.insert(new Entry(null, clock.instant(), caller.subject(), caller.clinicId(), patientId, service, method,
                    endpoint, status), COLLECTION);
        } catch (RuntimeException e) {
            // the response has been sent; an operator must see that the trail has a gap
            log.error("Access log entry lost: user={} clinic={} patient={} {} {}", caller.subject(), caller.clinicId(),
                    patientId, method, endpoint, e);
        }
    }

    /** The clinic's entries, newest first, optionally for one patient, one user and from a time on. */
    public List<Entry> of(String clinicId, Optional<String> patientId, Optional<String> user, Optional<Instant> since, int limit) {
        return page(clinicId, patientId, user, since, Optional.empty(), limit).items();
    }

    /**
     * One page of the clinic's entries, newest first, going backwards: {@code before} is the cursor of the previous
     * page (the last entry's time and id), so entries written meanwhile never shift a page.
     */
    public Paging.Page<Entry> page(String clinicId, Optional<String> patientId, Optional<String> user, Optional<Instant> since,
                                   Optional<Paging.Cursor> before, int size) {
        Criteria criteria = Criteria.where("clinicId").is(clinicId);
        patientId.ifPresent(p -> criteria.and("patientId").in(p, ALL_PATIENTS));
        user.ifPresent(u -> criteria.and("user").is(u));
        since.ifPresent(s -> criteria.and("at").gte(s));
        Criteria query = before.map(cursor -> {
            Instant at = cursor.instant(BEFORE, 0);
            ObjectId id = objectId(cursor.identifier(BEFORE, 1));
            return new Criteria().andOperator(criteria, new Criteria().orOperator(Criteria.where("at").lt(at),
                    Criteria.where("at").is(at).and("_id").lt(id)));
        }).orElse(criteria);
        List<Entry> fetched = mongo.find(new Query(query).with(Sort.by(Sort.Direction.DESC, "at", "_id")).limit(size + 1),
                Entry.class, COLLECTION);
        return Paging.Page.of(fetched, size, e -> Paging.Cursor.of(e.at(), e.id()));
    }

    /** Deletes the entries older than the retention; run on a schedule ({@link AccessLogRetention}). */
    public long deleteOlderThan(Instant cutoff) {
        return mongo.remove(new Query(Criteria.where("at").lt(cutoff)), COLLECTION).getDeletedCount();
    }

    private static ObjectId objectId(String hex) {
        if (!ObjectId.isValid(hex)) {
            throw new InvalidParameterException(BEFORE, "is not a cursor this API handed out (take it from the Link header)");
        }
        return new ObjectId(hex);
    }
}
