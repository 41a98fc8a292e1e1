package org.backtrack.security;

import org.springframework.data.mongodb.core.query.Criteria;

import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The filter of a clinic's documents in a collection keyed by {@link ClinicKeys}: the clinic's key range, and its
 * {@code clinicId} field as well, so a document stored under a wrong key is still not another clinic's answer.
 * The key range stands at the top of the query, beside the other conditions rather than inside an {@code $and}, so
 * the store seeks the range by {@code _id} (the embedded server only does so for a top-level range) instead of
 * reading the whole collection and matching every clinic's documents.
 */
public final class ClinicScope {

    private ClinicScope() {
    }

    /** The clinic's documents that meet every one of {@code conditions}. */
    public static Criteria of(String clinicId, List<Criteria> conditions) {
        Criteria ofClinic = where("_id").gte(ClinicKeys.rangeStart(clinicId)).lt(ClinicKeys.rangeEnd(clinicId)).and("clinicId").is(clinicId);
        return conditions.isEmpty() ? ofClinic : ofClinic.andOperator(conditions.toArray(Criteria[]::new));
    }
}
