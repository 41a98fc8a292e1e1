package org.backtrack.progress.fhir;

import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CarePlanMappingTest {

    static final RoutineService.Program PROGRAM = new RoutineService.Program("patient-42", "DEEPER", Set.of("LOWER_BACK", "HIPS"),
            Instant.parse("2026-11-01T10:00:00Z"));
    static final RoutineService.Routine ROUTINE = new RoutineService.Routine("r-123", "patient-42", Instant.parse("2026-11-20T07:00:00Z"),
            new RoutineService.Plan(600, List.of(
                    new RoutineService.Item(1, "cat-cow", "Cat-Cow", "WARM_UP", 1, 10, null, 3, false),
                    new RoutineService.Item(2, "knee-to-chest", "Knee-to-Chest", "HOLDS", 2, 1, 20, null, true))));

    @Test
    void theProgramAndTheLatestRoutineAreOneActivePlan() {
        CarePlan plan = CarePlanMapping.of("clinic-7", "patient-42", PROGRAM, Optional.of(ROUTINE));

        assertThat(plan.getIdPart()).isEqualTo("patient-42-program");
        assertThat(plan.getStatus()).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
        assertThat(plan.getIntent()).isEqualTo(CarePlan.CarePlanIntent.PLAN);
        assertThat(plan.getSubject().getReference()).isEqualTo("Patient/patient-42");
        assertThat(plan.getCategory()).extracting(c -> c.getCodingFirstRep().getSystem() + "|" + c.getCodingFirstRep().getCode())
                .containsExactly(BackTrackCodes.STAGE + "|DEEPER", BackTrackCodes.REGION + "|HIPS", BackTrackCodes.REGION + "|LOWER_BACK");
        assertThat(plan.getDescription()).contains("deeper stretches").contains("hips, lower back");
        assertThat(plan.getCreated()).isEqualTo(Date.from(ROUTINE.createdAt()));
        assertThat(plan.getIdentifierFirstRep().getValue()).isEqualTo("clinic-7/r-123");
        assertThat(plan.getActivity()).extracting(a -> a.getDetail().getCode().getCodingFirstRep().getCode())
                .containsExactly("cat-cow", "knee-to-chest");
        assertThat(plan.getActivity()).extracting(a -> a.getDetail().getDescription())
                .containsExactly("Cat-Cow: 1 set of 10 reps", "Knee-to-Chest: 2 sets of 1 hold of 20 s, each side");
        assertThat(plan.getActivityFirstRep().getDetail().getStatus()).isEqualTo(CarePlan.CarePlanActivityStatus.INPROGRESS);
        assertThat(FhirValidation.errors(plan)).isEmpty();
    }

    @Test
    void withoutARoutineThePlanHasNoActivity() {
        CarePlan plan = CarePlanMapping.of("clinic-7", "patient-42",
                new RoutineService.Program("patient-42", "BASIC", Set.of(), null), Optional.empty());
        assertThat(plan.getActivity()).isEmpty();
        assertThat(plan.getCategory()).extracting(CodeableConcept::getText).containsExactly("Stage: basic stretches");
        assertThat(plan.getDescription()).contains("no routine yet");
        assertThat(FhirValidation.errors(plan)).isEmpty();
    }

    @Test
    void theCapabilityStatementValidates() {
        var statement = Capabilities.statement(new Date(), "http://localhost:8080/fhir/r4");
        assertThat(statement.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(statement.getRestFirstRep().getResource()).extracting(r -> r.getType()).containsExactly("Observation", "CarePlan");
        assertThat(FhirValidation.errors(statement)).isEmpty();
    }

    @Test
    void backTrackCodeSystemsValidate() {
        BackTrackCodes.codeSystems().forEach(system -> assertThat(FhirValidation.errors(system)).as(system.getUrl()).isEmpty());
    }
}
