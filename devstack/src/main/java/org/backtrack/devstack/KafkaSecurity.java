package org.backtrack.devstack;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How Kafka clients of the devstack's broker prove who they are, and what they may then do. */
public enum KafkaSecurity {

    /** Plaintext on loopback, no authorization: the demo default, reachable by kcat without settings. */
    NONE,
    /**
     * SASL/SCRAM-SHA-256 for every client, one principal per service and per integrating clinic, and Kafka ACLs
     * that deny whatever is not granted (see {@link KafkaAccess}).
     */
    SCRAM;

    static KafkaSecurity parse(String value) {
        return Arrays.stream(values()).filter(mode -> mode.optionValue().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("kafka-security must be one of "
                        + Arrays.stream(values()).map(KafkaSecurity::optionValue).collect(Collectors.joining(", "))
                        + ", not '" + value + "'"));
    }

    /** As written in {@code --kafka-security=}. */
    String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
