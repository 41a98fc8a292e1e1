package org.backtrack.routine.routines;

import org.backtrack.routine.catalog.CatalogAccess;
import org.backtrack.routine.composition.CompositionRequest;
import org.backtrack.routine.composition.RoutineComposer;
import org.backtrack.routine.composition.RoutinePlan;
import org.backtrack.routine.feedback.learning.ExerciseFeedbackLog;
import org.backtrack.routine.patients.PatientRecords;
import org.backtrack.paging.Paging;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Composes a routine from the catalog (live or the local copy) and saves it for the patient of a clinic. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RoutineComposition implements PatientRecords {

    private final CatalogAccess catalog;
    private final MongoOperations mongo;
    private final RoutineComposer composer = new RoutineComposer();
    private final Clock clock = Clock.systemUTC();

    private final ExerciseFeedbackLog feedback;

    /** Composes with the patient's feedback per exercise applied: what hurt is regressed or left out, too easy progressed. */
    public Routine compose(String clinicId, CompositionRequest request, String authorization) {
        CatalogAccess.Catalog exercises = catalog.forClinic(clinicId, authorization);
        var fromFeedback = feedback.nextRoutine(clinicId, request.patientId(), request.stage(), exercises.entries());
        RoutinePlan plan = composer.compose(request, exercises.entries(), fromFeedback.adjustments());
        return mongo.insert(new Routine(UUID.randomUUID().toString(), request.patientId(), clinicId, clock.instant(), request,
                plan, exercises.source()));
    }

    /** A routine of {@code clinicId}; one of another clinic is not loaded at all, exactly like an unknown id. */
    public Optional<Routine> find(String clinicId, String id) {
        return Optional.ofNullable(mongo.findOne(query(where("_id").is(id).and("clinicId").is(clinicId)), Routine.class));
    }

    /**
     * A page of the routines of a patient of {@code clinicId}, newest first by (createdAt, id): {@code after} is the
     * cursor of the page before (its last routine), so routines composed between two pages never shift one.
     */
    public Paging.Page<Routine> ofPatient(String clinicId, String patientId, Optional<Paging.Cursor> after, int size) {
        Criteria patient = PatientRecords.ofPatient(clinicId, patientId);
        Criteria criteria = after.map(cursor -> {
            Instant createdAt = cursor.instant(Paging.CURSOR, 0);
            String id = cursor.identifier(Paging.CURSOR, 1);
            return new Criteria().andOperator(patient, new Criteria().orOperator(where("createdAt").lt(createdAt),
                    where("createdAt").is(createdAt).and("_id").lt(id)));
        }).orElse(patient);
        List<Routine> fetched = mongo.find(query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt", "_id")).limit(size + 1),
                Routine.class);
        return Paging.Page.of(fetched, size, r -> Paging.Cursor.of(r.createdAt(), r.id()));
    }

    @Override
    public boolean holdsAny(String clinicId, String patientId) {
        return mongo.exists(query(PatientRecords.ofPatient(clinicId, patientId)), Routine.class);
    }

}
