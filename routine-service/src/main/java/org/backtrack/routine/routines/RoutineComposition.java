package org.backtrack.routine.routines;

import org.backtrack.routine.catalog.CatalogAccess;
import org.backtrack.routine.composition.CompositionRequest;
import org.backtrack.routine.composition.RoutineComposer;
import org.backtrack.routine.composition.RoutinePlan;
import org.backtrack.routine.patients.PatientRecords;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Composes a routine from the catalog (live or the local copy) and saves it for the patient of a clinic. */
@Service
public class RoutineComposition implements PatientRecords {

    private final CatalogAccess catalog;
    private final MongoOperations mongo;
    private final RoutineComposer composer = new RoutineComposer();
    private final Clock clock = Clock.systemUTC();

    RoutineComposition(CatalogAccess catalog, MongoOperations mongo) {
        this.catalog = catalog;
        this.mongo = mongo;
    }

    public Routine compose(String clinicId, CompositionRequest request, String authorization) {
        CatalogAccess.Catalog exercises = catalog.forClinic(clinicId, authorization);
        RoutinePlan plan = composer.compose(request, exercises.entries());
        return mongo.insert(new Routine(UUID.randomUUID().toString(), request.patientId(), clinicId, clock.instant(), request,
                plan, exercises.source()));
    }

    /** A routine of {@code clinicId}; one of another clinic is not loaded at all, exactly like an unknown id. */
    public Optional<Routine> find(String clinicId, String id) {
        return Optional.ofNullable(mongo.findOne(query(where("_id").is(id).and("clinicId").is(clinicId)), Routine.class));
    }

    /** The routines of a patient of {@code clinicId}, newest first. */
    public List<Routine> ofPatient(String clinicId, String patientId) {
        return mongo.find(query(PatientRecords.ofPatient(clinicId, patientId)).with(Sort.by(Sort.Direction.DESC, "createdAt")),
                Routine.class);
    }

    @Override
    public boolean holdsAny(String clinicId, String patientId) {
        return mongo.exists(query(PatientRecords.ofPatient(clinicId, patientId)), Routine.class);
    }

}
