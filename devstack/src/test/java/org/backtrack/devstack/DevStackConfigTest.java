package org.backtrack.devstack;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevStackConfigTest {

    @Test
    void kafkaStaysPlaintextUnlessScramIsAskedFor() {
        assertThat(DevStackConfig.from(new String[0], Map.of()).kafkaSecurity()).isEqualTo(KafkaSecurity.NONE);
        assertThat(DevStackConfig.from(new String[] {"--kafka-security=scram"}, Map.of()).kafkaSecurity()).isEqualTo(KafkaSecurity.SCRAM);
        assertThat(DevStackConfig.from(new String[0], Map.of("BACKTRACK_KAFKA_SECURITY", "scram")).kafkaSecurity()).isEqualTo(KafkaSecurity.SCRAM);
    }

    @Test
    void anUnknownKafkaSecurityModeNamesTheChoices() {
        assertThatThrownBy(() -> DevStackConfig.from(new String[] {"--kafka-security=tls"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kafka-security must be one of none, scram, not 'tls'");
    }
}
