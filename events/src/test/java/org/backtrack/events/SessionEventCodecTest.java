package org.backtrack.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionEventCodecTest {

    final SessionEventCodec codec = new SessionEventCodec();

    @Test
    void decodesTheArchitectureExample() {
        CloudEvent<SessionCompleted> event = codec.decode(SessionEventSamples.VALID_EVENT.getBytes(StandardCharsets.UTF_8));
        assertThat(event.id()).isEqualTo("6f1c2d9e-0b7a-4c1e-9a53-2f0d8c1b7e44");
        SessionCompleted session = event.data();
        assertThat(session.patientId()).isEqualTo("patient-42");
        assertThat(session.completedAt()).isEqualTo(Instant.parse("2026-11-20T07:31:00Z"));
        assertThat(session.relief()).isEqualTo(2);
        assertThat(session.exercises()).extracting(SessionCompleted.ExercisePerformed::exerciseId)
                .containsExactly("cat-cow", "knee-to-chest");
        assertThat(session.flagsOrNone().anyRedFlag()).isFalse();
    }

    @Test
    void decodesOffsetsToTheSameInstant() {
        var data = codec.decodeData(SessionEventValidatorTest.JSON.readTree(SessionEventSamples.MINIMAL_DATA));
        assertThat(data.completedAt()).isEqualTo(Instant.parse("2026-11-20T06:31:00Z"));
        assertThat(data.flagsOrNone()).isEqualTo(SessionCompleted.SymptomFlags.NONE);
    }

    @Test
    void readsPartialAndNullFlagsAsNotReported() {
        var data = (tools.jackson.databind.node.ObjectNode) SessionEventValidatorTest.JSON.readTree(SessionEventSamples.MINIMAL_DATA);
        data.putObject("flags").put("numbness", true).putNull("nightPain");
        SessionCompleted session = codec.decodeData(data);
        assertThat(session.flags()).isEqualTo(new SessionCompleted.SymptomFlags(false, false, true, false));
        assertThat(session.flagsOrNone().anyRedFlag()).isTrue();
    }

    @Test
    void roundTripsAnEventItCreated() {
        var session = new SessionCompleted("s-1", "clinic-1", "patient-1", null, Instant.parse("2026-11-01T08:00:00Z"),
                null, 5, 3, List.of(new SessionCompleted.ExercisePerformed("cat-cow", true, 60, null)),
                new SessionCompleted.SymptomFlags(false, true, false, false), "felt tight");
        CloudEvent<SessionCompleted> event = SessionEventCodec.newEvent(session, "/routine-service", Instant.parse("2026-11-01T08:00:01Z"));

        String json = codec.encodeToString(event);

        assertThat(json).contains("\"specversion\":\"1.0\"", "\"type\":\"backtrack.session.completed.v1\"",
                "\"subject\":\"patient-1\"", "\"completedAt\":\"2026-11-01T08:00:00Z\"");
        assertThat(json).doesNotContain("routineId", "durationSeconds");
        assertThat(codec.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(event);
    }

    @Test
    void rejectsMalformedJsonWithAReason() {
        assertThatThrownBy(() -> codec.decode("{\"specversion\": ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("$: is not valid JSON");
    }

    @Test
    void rejectsOversizedEventBeforeParsing() {
        byte[] huge = new byte[SessionEventValidator.MAX_EVENT_BYTES + 1];
        assertThatThrownBy(() -> codec.decode(huge)).isInstanceOf(InvalidEventException.class).hasMessageContaining("bytes");
    }

    @Test
    void rejectsNullValue() {
        assertThatThrownBy(() -> codec.decode(null)).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void refusesToEncodeAnInvalidSession() {
        var session = new SessionCompleted("s-1", "clinic-1", "patient-1", null, Instant.parse("2026-11-01T08:00:00Z"),
                null, 11, 3, null, null, null);
        assertThatThrownBy(() -> codec.encode(SessionEventCodec.newEvent(session, "/test", Instant.now())))
                .isInstanceOf(InvalidEventException.class)
                .satisfies(e -> assertThat(((InvalidEventException) e).violations())
                        .extracting(Violation::field).containsExactly("data.painBefore"));
    }
}
