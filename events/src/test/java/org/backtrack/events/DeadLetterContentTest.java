package org.backtrack.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterContentTest {

    @Test
    void theLargestDeadLetterFitsItsTopic() {
        int largest = DeadLetterContent.MAX_VALUE_BYTES + DeadLetterContent.MAX_KEY_BYTES
                + DeadLetterContent.MAX_ORIGINAL_HEADER_BYTES + DeadLetterContent.MAX_ADDED_HEADER_BYTES
                + 1024; // record and batch framing
        assertThat(largest).isLessThanOrEqualTo(Topics.MAX_MESSAGE_BYTES);
        // four texts (reason, exception message and both class names) and the short headers
        assertThat(4 * (DeadLetterContent.MAX_TEXT_BYTES + 64) + 1024).isLessThanOrEqualTo(DeadLetterContent.MAX_ADDED_HEADER_BYTES);
        assertThat(SessionEventValidator.MAX_EVENT_BYTES).isLessThanOrEqualTo(DeadLetterContent.MAX_VALUE_BYTES);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1000, DeadLetterContent.MAX_VALUE_BYTES})
    void aValueTheContractCouldAcceptIsKeptWhole(int size) {
        byte[] value = new byte[size];
        Arrays.fill(value, (byte) 'x');
        assertThat(DeadLetterContent.excerpt(value)).isSameAs(value);
        assertThat(DeadLetterContent.truncates(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {DeadLetterContent.MAX_VALUE_BYTES + 1, 1_000_000})
    void aLargerValueIsCutToItsFirstBytes(int size) {
        byte[] value = new byte[size];
        for (int i = 0; i < size; i++) {
            value[i] = (byte) i;
        }
        byte[] excerpt = DeadLetterContent.excerpt(value);
        assertThat(excerpt).hasSize(DeadLetterContent.MAX_VALUE_BYTES).isEqualTo(Arrays.copyOf(value, DeadLetterContent.MAX_VALUE_BYTES));
        assertThat(DeadLetterContent.truncates(value)).isTrue();
    }

    @Test
    void keysAreBounded() {
        assertThat(DeadLetterContent.key(null)).isNull();
        assertThat(DeadLetterContent.key("patient-1".getBytes(StandardCharsets.UTF_8))).hasSize(9);
        assertThat(DeadLetterContent.key(new byte[100_000])).hasSize(DeadLetterContent.MAX_KEY_BYTES);
    }

    @Test
    void textIsCutOnACharacterBoundaryAndMarked() {
        assertThat(new String(DeadLetterContent.text("short"), StandardCharsets.UTF_8)).isEqualTo("short");
        assertThat(DeadLetterContent.text(null)).isEqualTo("null".getBytes(StandardCharsets.UTF_8));
        for (String unit : new String[]{"a", "é", "€", "😀"}) {
            byte[] cut = DeadLetterContent.text(unit.repeat(5000));
            assertThat(cut.length).as(unit).isLessThanOrEqualTo(DeadLetterContent.MAX_TEXT_BYTES).isGreaterThan(DeadLetterContent.MAX_TEXT_BYTES - 8);
            String decoded = new String(cut, StandardCharsets.UTF_8);
            assertThat(decoded).as(unit).endsWith("…").doesNotContain("\uFFFD");
            assertThat(decoded.substring(0, decoded.length() - 1).replace(unit, "")).as(unit).isEmpty();
        }
    }

    @Test
    void theHashIsTheSha256OfTheWholeOriginal() {
        assertThat(DeadLetterContent.sha256("abc".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(DeadLetterContent.sha256(null)).isEqualTo(DeadLetterContent.sha256(new byte[0]));
    }

    @Test
    void onlyDeadLettersMaySetDeadLetterHeaders() {
        assertThat(DeadLetterContent.isDeadLetterHeader(DeadLetterContent.REASON_HEADER)).isTrue();
        assertThat(DeadLetterContent.isDeadLetterHeader("kafka_dlt-exception-message")).isTrue();
        assertThat(DeadLetterContent.isDeadLetterHeader("ce_id")).isFalse();
    }
}
