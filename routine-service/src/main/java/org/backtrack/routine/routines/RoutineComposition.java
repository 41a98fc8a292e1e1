package org.backtrack.routine.routines;

import org.backtrack.routine.catalog.CatalogAccess;
import org.backtrack.routine.composition.CompositionRequest;
import org.backtrack.routine.composition.RoutineComposer;
import org.backtrack.routine.composition.RoutinePlan;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Composes a routine from the catalog (live or the local copy) and saves it for the patient. */
@Service
public class RoutineComposition {

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

    public Optional<Routine> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Routine.class));
    }

    public List<Routine> ofPatient(String patientId) {
        return mongo.find(query(where("patientId").is(patientId)).with(Sort.by(Sort.Direction.DESC, "createdAt")), Routine.class);
    }
}
