package org.backtrack.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnumNamesTest {

    @Test
    void exactlyTakesTheContractsSpellingOnly() {
        assertThat(EnumNames.exactly(Stage.class, "DEEPER")).contains(Stage.DEEPER);
        assertThat(EnumNames.exactly(Stage.class, "deeper")).isEmpty();
        assertThat(EnumNames.exactly(Stage.class, " DEEPER")).isEmpty();
        assertThat(EnumNames.exactly(Stage.class, null)).isEmpty();
    }

    @Test
    void ignoringCaseTakesAnyCaseButNothingElse() {
        assertThat(EnumNames.ignoringCase(AlertStatus.class, "open")).contains(AlertStatus.OPEN);
        assertThat(EnumNames.ignoringCase(AlertStatus.class, "Acknowledged")).contains(AlertStatus.ACKNOWLEDGED);
        assertThat(EnumNames.ignoringCase(AlertStatus.class, "opened")).isEmpty();
        assertThat(EnumNames.ignoringCase(AlertStatus.class, null)).isEmpty();
    }
}
