package org.backtrack.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventFactoryTest {

    final CloudEventFactory events = new CloudEventFactory("/test-service");
    final Instant at = Instant.parse("2026-11-20T07:31:00Z");

    @Test
    void everyEventCarriesTheEnvelopeOfTheProducer() {
        CloudEvent<String> event = events.event("e-1", "backtrack.test.v1", "patient-42", at, "data");

        assertThat(event).isEqualTo(new CloudEvent<>("1.0", "e-1", "/test-service", "backtrack.test.v1", "patient-42", at,
                "application/json", null, "data"));
    }

    @Test
    void anEventOfABackTrackTypeNamesItsSchema() {
        var event = events.event("e-1", SessionCompleted.TYPE, "patient-42", at, "data");

        assertThat(event.dataschema()).isEqualTo("https://backtrack.example/schemas/session-completed-v1.schema.json");
        assertThat(events.event("e-2", ProgressStatusChanged.TYPE, "patient-42", at, "data").dataschema())
                .endsWith("asyncapi.yaml#/components/schemas/ProgressStatusChangedEvent");
    }

    @Test
    void aNewEventGetsAFreshId() {
        var first = events.newEvent("backtrack.test.v1", "patient-42", at, "data");
        var second = events.newEvent("backtrack.test.v1", "patient-42", at, "data");

        assertThat(first.id()).isNotBlank().isNotEqualTo(second.id());
        assertThat(first.source()).isEqualTo("/test-service");
    }
}
