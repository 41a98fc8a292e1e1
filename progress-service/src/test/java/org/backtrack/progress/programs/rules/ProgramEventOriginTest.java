package org.backtrack.progress.programs.rules;

import org.backtrack.events.CloudEvent;
import org.backtrack.events.InvalidEventException;
import org.backtrack.events.ProgramChanged;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgramEventOriginTest {

    static CloudEvent<ProgramChanged> event(String source, String subject) {
        var data = new ProgramChanged("clinic-1", "p-1", "BASIC", List.of(), List.of(), "dr-lee", Instant.parse("2026-10-01T09:00:00Z"), 1);
        return new CloudEvent<>("1.0", "e-1", source, ProgramChanged.TYPE, subject, Instant.parse("2026-10-01T09:00:00Z"),
                "application/json", null, data);
    }

    @Test
    void routineServiceSpeakingForThePatientOfTheKeyIsTaken() {
        assertThatCode(() -> ProgramEventOrigin.require(event("/routine-service", "p-1"), "p-1")).doesNotThrowAnyException();
    }

    @Test
    void anotherProducerIsRefusedNamingTheSource() {
        assertThatThrownBy(() -> ProgramEventOrigin.require(event("/integration/clinic-2", "p-1"), "p-1"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("source");
    }

    @Test
    void aSubjectOrKeyOfAnotherPatientIsRefusedNamingTheField() {
        assertThatThrownBy(() -> ProgramEventOrigin.require(event("/routine-service", "p-2"), "p-1"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("subject");
        assertThatThrownBy(() -> ProgramEventOrigin.require(event("/routine-service", "p-1"), "p-2"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("key");
        assertThatThrownBy(() -> ProgramEventOrigin.require(event("/routine-service", null), null))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("subject").hasMessageContaining("key");
    }
}
