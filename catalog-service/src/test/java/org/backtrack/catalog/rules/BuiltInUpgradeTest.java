package org.backtrack.catalog.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class BuiltInUpgradeTest {

    @ParameterizedTest(name = "stored {0}, built-in {1}, based on {2}, file {3}: {4}")
    @CsvSource({
            "false, true, , 3, INSERT",      // a fresh database
            "false, false, , 1, INSERT",
            "true, true, 3, 3, KEEP",        // a restart with the same file: nothing to do
            "true, true, 3, 2, KEEP",        // an older file (rolled-back deployment) never downgrades
            "true, true, 2, 3, REPLACE",     // a newer file replaces older content
            "true, true, 3, 4, REPLACE",     // ... also text an administrator edited on version 3
            "true, true, , 1, REPLACE",      // based on no file (created through the API, or edited before edits kept it)
            "true, true, , 7, REPLACE",
            "true, true, 0, 1, REPLACE",
            "true, false, , 9, KEEP",        // a clinic's exercise is never touched
            "true, false, 1, 9, KEEP",
    })
    void decides(boolean stored, boolean builtIn, Integer storedContentVersion, int fileVersion, BuiltInUpgrade.Decision expected) {
        assertThat(BuiltInUpgrade.decide(stored, builtIn, storedContentVersion, fileVersion)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "an edit based on version {0} survives every restart with file version {0}")
    @CsvSource({"1", "2", "5", "100"})
    void anEditOfTheCurrentContentIsKept(int version) {
        assertThat(BuiltInUpgrade.decide(true, true, version, version)).isEqualTo(BuiltInUpgrade.Decision.KEEP);
    }
}
