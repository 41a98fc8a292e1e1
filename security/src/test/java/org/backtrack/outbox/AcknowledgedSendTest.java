package org.backtrack.outbox;

import org.backtrack.events.CloudEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class AcknowledgedSendTest {

    @Test
    void everyRecordSaysItIsAStructuredModeCloudEvent() {
        var record = AcknowledgedSend.cloudEventRecord("backtrack.sessions", "patient-42", new byte[]{'{', '}'});

        assertThat(record.topic()).isEqualTo("backtrack.sessions");
        assertThat(record.key()).isEqualTo("patient-42");
        assertThat(record.partition()).as("the key decides the partition").isNull();
        var headers = record.headers().headers(CloudEvent.CONTENT_TYPE_HEADER);
        assertThat(headers).hasSize(1);
        assertThat(new String(headers.iterator().next().value(), StandardCharsets.UTF_8)).isEqualTo("application/cloudevents+json");
    }
}
