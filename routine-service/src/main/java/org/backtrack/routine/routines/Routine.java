package org.backtrack.routine.routines;

import org.backtrack.routine.catalog.CatalogAccess;
import org.backtrack.routine.composition.CompositionRequest;
import org.backtrack.routine.composition.RoutinePlan;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A composed routine as saved and served. */
@Document("routines")
public record Routine(@Id String id, @Indexed String patientId, String clinicId, Instant createdAt, CompositionRequest request,
                      RoutinePlan plan, CatalogAccess.Source catalogSource) {
}
