package org.backtrack.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgressEventCodecTest {

    final ProgressEventCodec codec = new ProgressEventCodec();

    static byte[] statusChanged(String id, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/progress-service","type":"backtrack.progress.status-changed.v1",
                 "subject":"patient-42","time":"2026-11-23T08:00:00Z","datacontenttype":"application/json","data":%s}"""
                .formatted(id, data).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aStatusChangeIsReadIntoTheTypedRecord() {
        var event = codec.decodeStatusChanged(statusChanged("ev-1", """
                {"patientId":"patient-42","clinicId":"clinic-7","previousStatus":"IMPROVING","status":"PLATEAU",
                 "suggestion":{"action":"PROGRESS_TO_DEEPER_STRETCHES","exercises":["pigeon-pose"],"reason":"Pain has stopped falling."},
                 "alerts":[],"asOf":"2026-11-23T07:00:00Z","evaluatedAt":"2026-11-23T08:00:00Z","addedLater":true}""")).orElseThrow();

        assertThat(event.id()).isEqualTo("ev-1");
        assertThat(event.data()).isEqualTo(new ProgressStatusChanged("patient-42", "clinic-7", "IMPROVING", "PLATEAU",
                new ProgressStatusChanged.Suggestion("PROGRESS_TO_DEEPER_STRETCHES", List.of("pigeon-pose"), "Pain has stopped falling."),
                List.of(), Instant.parse("2026-11-23T07:00:00Z"), Instant.parse("2026-11-23T08:00:00Z")));
    }

    @Test
    void otherProgressEventTypesArePassedOver() {
        byte[] other = "{\"specversion\":\"1.0\",\"id\":\"ev-2\",\"type\":\"backtrack.progress.something-else.v1\",\"data\":{}}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(codec.decodeStatusChanged(other)).isEmpty();
    }

    @Test
    void whatConsumersActOnIsRequiredAndNamed() {
        assertThatThrownBy(() -> codec.decodeStatusChanged(statusChanged("bad id", "{}")))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.violations().get(0).field()).isEqualTo("id"));
        assertThatThrownBy(() -> codec.decodeStatusChanged(statusChanged("ev-3", "{\"patientId\":\"p\"}")))
                .isInstanceOfSatisfying(InvalidEventException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("data.clinicId"));
        assertThatThrownBy(() -> codec.decodeStatusChanged(statusChanged("ev-4",
                "{\"clinicId\":\"c\",\"patientId\":\"p\",\"suggestion\":{}}")))
                .isInstanceOfSatisfying(InvalidEventException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("data.suggestion.action"));
    }

    @Test
    void aRecordThatIsNoJsonIsInvalid() {
        assertThatThrownBy(() -> codec.decodeStatusChanged("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> codec.decodeStatusChanged(null))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("not valid JSON");
    }
}
