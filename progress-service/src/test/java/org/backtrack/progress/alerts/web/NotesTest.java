package org.backtrack.progress.alerts.web;

import org.backtrack.events.AlertAcknowledged;
import org.backtrack.problems.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotesTest {

    @Test
    void aNoteIsOptionalAndTrimmed() {
        assertThat(Notes.checked(null)).isNull();
        assertThat(Notes.checked("")).isNull();
        assertThat(Notes.checked("  \n ")).isNull();
        assertThat(Notes.checked("  Called the patient.\nSeen tomorrow.\t ")).isEqualTo("Called the patient.\nSeen tomorrow.");
        assertThat(Notes.checked("Patientin angerufen – Termin morgen 😀")).isEqualTo("Patientin angerufen – Termin morgen 😀");
    }

    @Test
    void aNoteIsBounded() {
        assertThat(Notes.checked("n".repeat(AlertAcknowledged.MAX_NOTE_LENGTH))).hasSize(AlertAcknowledged.MAX_NOTE_LENGTH);
        assertThatThrownBy(() -> Notes.checked("n".repeat(AlertAcknowledged.MAX_NOTE_LENGTH + 1)))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("note"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\u001bb", "a\u007fb", "a\u0085b", "a\u202Eb", "a\u2066b", "a\uD83Db", "\uDE00b"})
    void controlCharactersBidiOverridesAndBrokenSurrogatesAreRefused(String note) {
        assertThatThrownBy(() -> Notes.checked(note)).isInstanceOf(InvalidParameterException.class);
    }
}
