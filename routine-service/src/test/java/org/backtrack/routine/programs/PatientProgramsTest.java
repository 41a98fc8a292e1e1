package org.backtrack.routine.programs;

import org.backtrack.routine.HostileIds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Programs are keyed by (clinicId, patientId): no method reaches another clinic's, and no hostile id finds one. */
class PatientProgramsTest {

    final MongoTemplate mongo = HostileIds.repositoryMongo();
    final PatientPrograms programs = new PatientPrograms(mongo);
    final String clinic = "clinic-" + UUID.randomUUID();

    @BeforeEach
    void aProgramWithAPendingProposal() {
        programs.onProgress("ev-1", clinic, "patient-42", "PROGRESS_TO_DEEPER_STRETCHES", List.of("pigeon-pose"), "plateau");
    }

    @Test
    void anotherClinicsSamePatientIdIsAnotherProgram() {
        String other = "other-" + clinic;
        assertThat(programs.holdsAny(other, "patient-42")).isFalse();
        assertThat(programs.of(other, "patient-42").proposals()).isEmpty();
        assertThatExceptionOfType(PatientPrograms.ProposalNotFoundException.class)
                .isThrownBy(() -> programs.decide(other, "patient-42", "ev-1", true, "dr.other"));
        programs.set(other, "patient-42", "STRENGTHENING", null, "dr.other");
        assertThat(programs.of(clinic, "patient-42").stage()).isEqualTo("BASIC");
        assertThat(programs.of(clinic, "patient-42").pending()).isPresent();
    }

    @ParameterizedTest(name = "{index}: hostile id")
    @MethodSource("org.backtrack.routine.HostileIds#values")
    void aHostileIdFindsAndWritesNothing(String id) {
        long before = mongo.count(new Query(), PatientProgram.class);
        for (String[] ids : List.of(new String[]{clinic, id}, new String[]{id, "patient-42"})) {
            assertThatIllegalArgumentException().isThrownBy(() -> programs.of(ids[0], ids[1]));
            assertThatIllegalArgumentException().isThrownBy(() -> programs.holdsAny(ids[0], ids[1]));
            assertThatIllegalArgumentException().isThrownBy(() -> programs.set(ids[0], ids[1], "DEEPER", null, "dr.x"));
            assertThatIllegalArgumentException().isThrownBy(() -> programs.decide(ids[0], ids[1], "ev-1", true, "dr.x"));
            assertThatIllegalArgumentException().isThrownBy(() ->
                    programs.onProgress("ev-2", ids[0], ids[1], "ADD_STRENGTHENING", List.of(), "r"));
        }
        // a proposal id is only ever compared for equality within the one program
        assertThatExceptionOfType(PatientPrograms.ProposalNotFoundException.class)
                .isThrownBy(() -> programs.decide(clinic, "patient-42", id, true, "dr.x"));
        assertThat(mongo.count(new Query(), PatientProgram.class)).isEqualTo(before);
        assertThat(programs.of(clinic, "patient-42").pending()).isPresent();
    }
}
