package org.backtrack.security;

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
public class AccessLog {

    /** Marks an overview entry: the request read every patient of the clinic. */
    public static final String ALL_PATIENTS = "*";
    static final String COLLECTION = "access_log";
    private static final Logger log = LoggerFactory.getLogger(AccessLog.class);

    private final MongoOperations mongo;
    private final String service;
    private final Clock clock;

    public AccessLog(MongoOperations mongo, String service, Clock clock) {
        this.mongo = mongo;
        this.service = service;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("clinicId", Sort.Direction.ASC).on("at", Sort.Direction.DESC));
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
        Criteria criteria = Criteria.where("clinicId").is(clinicId);
        patientId.ifPresent(p -> criteria.and("patientId").in(p, ALL_PATIENTS));
        user.ifPresent(u -> criteria.and("user").is(u));
        since.ifPresent(s -> criteria.and("at").gte(s));
        return mongo.find(new Query(criteria).with(Sort.by(Sort.Direction.DESC, "at")).limit(limit), Entry.class, COLLECTION);
    }
}
