package org.backtrack.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgressEventCodecTest {

    final ProgressEventCodec codec = new ProgressEventCodec(ContractJson.MAPPER);

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

    static byte[] event(String type, String data) {
        return """
                {"specversion":"1.0","id":"ev-9","source":"/progress-service","type":"%s","subject":"patient-42","data":%s}"""
                .formatted(type, data).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void oneReadGivesEachTypeItsOwnRecord() {
        var raised = codec.decode(event(AlertRaised.TYPE, """
                {"alertId":"a-1","clinicId":"clinic-7","patientId":"patient-42","type":"RED_FLAG_SYMPTOM","late":false}""")).orElseThrow();
        var resolved = codec.decode(event(AlertResolved.TYPE, """
                {"alertId":"a-1","clinicId":"clinic-7","patientId":"patient-42","type":"RED_FLAG_SYMPTOM"}""")).orElseThrow();
        var changed = codec.decode(statusChanged("ev-5", """
                {"patientId":"patient-42","clinicId":"clinic-7","suggestion":{"action":"KEEP_GOING"}}""")).orElseThrow();

        assertThat(raised.data()).isInstanceOfSatisfying(AlertRaised.class, a -> assertThat(a.type()).isEqualTo(AlertType.RED_FLAG_SYMPTOM));
        assertThat(resolved.data()).isInstanceOfSatisfying(AlertResolved.class, a -> assertThat(a.alertId()).isEqualTo("a-1"));
        assertThat(changed.data()).isInstanceOfSatisfying(ProgressStatusChanged.class,
                c -> assertThat(c.suggestion().action()).isEqualTo("KEEP_GOING"));
    }

    @Test
    void oneReadPassesOverTypesNoConsumerActsOn() {
        assertThat(codec.decode(event(AlertAcknowledged.TYPE, "{\"alertId\":\"a-1\"}"))).isEmpty();
        assertThat(codec.decode(event("backtrack.progress.something-else.v1", "{}"))).isEmpty();
    }

    @Test
    void oneReadChecksWhatEachTypeRequires() {
        assertThatThrownBy(() -> codec.decode(event(AlertRaised.TYPE,
                "{\"alertId\":\"a-1\",\"clinicId\":\"c\",\"patientId\":\"p\",\"type\":\"GOT_BORED\"}")))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.violations().get(0).field()).isEqualTo("data.type"));
        assertThatThrownBy(() -> codec.decode(event(AlertResolved.TYPE, "{\"clinicId\":\"c\",\"patientId\":\"p\"}")))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.violations().get(0).field()).isEqualTo("data.alertId"));
        assertThatThrownBy(() -> codec.decode(statusChanged("ev-6", "{\"clinicId\":\"c\",\"patientId\":\"p\"}")))
                .isInstanceOfSatisfying(InvalidEventException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("data.suggestion.action"));
        assertThatThrownBy(() -> codec.decode("[1,".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("not valid JSON");
    }
}
