package org.backtrack.progress.fhir.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PatientReferenceTest {

    @Test
    void anIdOrARelativeReferenceNamesThePatient() {
        assertThat(PatientReference.patientId(List.of("patient-42"))).isEqualTo("patient-42");
        assertThat(PatientReference.patientId(List.of("Patient/patient-42"))).isEqualTo("patient-42");
        assertThat(PatientReference.patientId(List.of("p_1:a@b.c"))).isEqualTo("p_1:a@b.c");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Patient/../x", "Patient/a/b", "Patient/", "Observation/x", "http://evil.example/Patient/x",
            "../x", "x|y", ".*", "patient/x", "Patient/.x", ""})
    void anythingElseIsRefusedNamingPatient(String value) {
        assertThat(PatientReference.isValid(value)).isFalse();
        assertThatThrownBy(() -> PatientReference.patientId(List.of(value))).isInstanceOf(InvalidSearchException.class)
                .satisfies(e -> assertThat(((InvalidSearchException) e).parameter()).isEqualTo("patient"));
    }

    @Test
    void aLongIdIsRefused() {
        assertThat(PatientReference.isValid("Patient/" + "a".repeat(129))).isFalse();
        assertThat(PatientReference.isValid("Patient/" + "a".repeat(128))).isTrue();
    }

    @Test
    void thePatientIsRequiredAndGivenOnce() {
        assertThatThrownBy(() -> PatientReference.patientId((java.util.List<String>) null)).hasMessageContaining("required");
        assertThatThrownBy(() -> PatientReference.patientId(List.of())).hasMessageContaining("required");
        assertThatThrownBy(() -> PatientReference.patientId(List.of("a", "Patient/b"))).hasMessageContaining("once");
    }
}
