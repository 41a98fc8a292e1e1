package org.backtrack.routine.routines;

import org.backtrack.routine.HostileIds;
import org.backtrack.routine.catalog.CatalogAccess;
import org.backtrack.routine.composition.CompositionRequest;
import org.backtrack.routine.composition.RoutinePlan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Routines are read within one clinic only; a hostile id, as routine id, clinic or patient, finds nothing. */
class RoutineCompositionTest {

    final MongoTemplate mongo = HostileIds.repositoryMongo();
    // lookups never reach the catalog
    final RoutineComposition routines = new RoutineComposition(null, mongo, null);
    final String clinic = "clinic-" + UUID.randomUUID();
    final String routineId = UUID.randomUUID().toString();

    @BeforeEach
    void aStoredRoutine() {
        var request = new CompositionRequest("patient-42", 10, "ANY", null, null, "BASIC", null, null, LocalDate.of(2026, 11, 23));
        mongo.insert(new Routine(routineId, "patient-42", clinic, Instant.now(), request,
                new RoutinePlan(600, 0, List.of(), List.of()), CatalogAccess.Source.LIVE));
    }

    @Test
    void anotherClinicFindsNothingOfIt() {
        String other = "other-" + clinic;
        assertThat(routines.find(clinic, routineId)).isPresent();
        assertThat(routines.find(other, routineId)).isEmpty();
        assertThat(routines.ofPatient(other, "patient-42", java.util.Optional.empty(), 50).items()).isEmpty();
        assertThat(routines.holdsAny(other, "patient-42")).isFalse();
    }

    @ParameterizedTest(name = "{index}: hostile id")
    @MethodSource("org.backtrack.routine.HostileIds#values")
    void aHostileIdFindsNothing(String id) {
        assertThat(routines.find(clinic, id)).isEmpty();
        assertThat(routines.find(id, routineId)).isEmpty();
        assertThat(routines.ofPatient(clinic, id, java.util.Optional.empty(), 50).items()).isEmpty();
        assertThat(routines.ofPatient(id, "patient-42", java.util.Optional.empty(), 50).items()).isEmpty();
        assertThat(routines.holdsAny(clinic, id)).isFalse();
        assertThat(routines.holdsAny(id, "patient-42")).isFalse();
    }
}
