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
    final List<PatientProgram> announced = new java.util.ArrayList<>();
    final PatientPrograms programs = new PatientPrograms(mongo, announced::add);
    final String clinic = "clinic-" + UUID.randomUUID();

    @BeforeEach
    void aProgramWithAPendingProposal() {
        programs.onProgress(List.of(suggestion("ev-1", clinic, "patient-42", "PROGRESS_TO_DEEPER_STRETCHES")));
    }

    @Test
    void everyWrittenVersionOwesItsOwnEventAndAChangeOfNothingOwesNone() {
        assertThat(announced).singleElement().satisfies(first -> {
            assertThat(first.version()).isEqualTo(1);
            assertThat(first.publication()).isEqualTo(org.backtrack.outbox.Publication.PENDING);
            assertThat(first.changed().proposals()).singleElement()
                    .satisfies(p -> assertThat(p.decision()).isEqualTo(org.backtrack.events.ProposalDecision.PENDING));
        });
        programs.onProgress(List.of(suggestion("ev-1", clinic, "patient-42", "PROGRESS_TO_DEEPER_STRETCHES"))); // redelivered
        assertThat(announced).hasSize(1);

        programs.decide(clinic, "patient-42", "ev-1", true, "dr.lee");
        assertThat(announced).hasSize(2);
        PatientProgram accepted = announced.get(1);
        assertThat(accepted.eventId()).isNotEqualTo(announced.get(0).eventId());
        assertThat(accepted.changed()).satisfies(event -> {
            assertThat(event.stage()).isEqualTo("DEEPER");
            assertThat(event.version()).isEqualTo(2);
            assertThat(event.changedBy()).isEqualTo("dr.lee");
            assertThat(event.clinicId()).isEqualTo(clinic);
        });
        // stored owing exactly that event, for the relay should the broker be away
        PatientProgram stored = mongo.findById(PatientProgram.keyOf(clinic, "patient-42"), PatientProgram.class);
        assertThat(stored.eventId()).isEqualTo(accepted.eventId());
        assertThat(stored.publication()).isEqualTo(org.backtrack.outbox.Publication.PENDING);
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
                    programs.onProgress(List.of(suggestion("ev-2", ids[0], ids[1], "ADD_STRENGTHENING"))));
        }
        // a proposal id is only ever compared for equality within the one program
        assertThatExceptionOfType(PatientPrograms.ProposalNotFoundException.class)
                .isThrownBy(() -> programs.decide(clinic, "patient-42", id, true, "dr.x"));
        assertThat(mongo.count(new Query(), PatientProgram.class)).isEqualTo(before);
        assertThat(programs.of(clinic, "patient-42").pending()).isPresent();
    }

    /**
     * A poll's suggestions are applied per patient in one write, ending as they would one by one: proposed, withdrawn by
     * a safety suggestion, proposed again, a redelivery ignored; another patient's in the same batch untouched by them.
     */
    @Test
    void aBatchOfSuggestionsEndsAsTheyWouldOneByOne() {
        List<String[]> script = List.of(new String[]{"e1", "PROGRESS_TO_DEEPER_STRETCHES"}, new String[]{"e2", "KEEP_GOING"},
                new String[]{"e3", "BACK_OFF"}, new String[]{"e4", "ADD_STRENGTHENING"}, new String[]{"e4", "ADD_STRENGTHENING"},
                new String[]{"e5", "SEE_A_PROFESSIONAL"}, new String[]{"e6", "PROGRESS_TO_DEEPER_STRETCHES"});
        List<PatientPrograms.Suggestion> together = new java.util.ArrayList<>();
        for (String[] step : script) {
            together.add(suggestion(step[0], clinic, "together", step[1]));
            together.add(suggestion("x-" + step[0], clinic, "neighbour", "KEEP_GOING"));
            programs.onProgress(List.of(suggestion(step[0], clinic, "one-by-one", step[1])));
        }
        programs.onProgress(together);

        var expected = programs.of(clinic, "one-by-one").proposals();
        assertThat(expected).extracting(PatientProgram.Proposal::id).containsExactly("e1", "e4", "e6");
        assertThat(programs.of(clinic, "together").proposals())
                .extracting(PatientProgram.Proposal::id, PatientProgram.Proposal::decision, PatientProgram.Proposal::toStage)
                .containsExactlyElementsOf(expected.stream().map(x -> org.assertj.core.groups.Tuple.tuple(x.id(), x.decision(), x.toStage())).toList());
        assertThat(programs.of(clinic, "neighbour").proposals()).isEmpty();
    }

    static PatientPrograms.Suggestion suggestion(String eventId, String clinicId, String patientId, String action) {
        return new PatientPrograms.Suggestion(eventId, clinicId, patientId, action, List.of("pigeon-pose"), "plateau");
    }
}
