package org.backtrack.routine.routines;

import org.backtrack.routine.catalog.CatalogAccess;
import org.backtrack.routine.composition.CompositionRequest;
import org.backtrack.routine.composition.RoutinePlan;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A composed routine as saved and served; its id is a server-made UUID, and it is only ever read within its clinic. */
@Document("routines")
@CompoundIndex(name = "patient_routines", def = "{'clinicId': 1, 'patientId': 1, 'createdAt': -1}")
public record Routine(@Id String id, String patientId, String clinicId, Instant createdAt, CompositionRequest request,
                      RoutinePlan plan, CatalogAccess.Source catalogSource) {
}
