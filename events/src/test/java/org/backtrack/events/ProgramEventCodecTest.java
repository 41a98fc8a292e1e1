package org.backtrack.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgramEventCodecTest {

    private final ProgramEventCodec codec = new ProgramEventCodec(ContractJson.MAPPER);
    private final CloudEventFactory events = new CloudEventFactory("/routine-service");

    private static ProgramChanged program(long version) {
        var proposal = new ProgramChanged.Proposal("e-1", SuggestedAction.PROGRESS_TO_DEEPER_STRETCHES.name(), Stage.DEEPER.name(),
                List.of("thread-the-needle"), "plateau for 3 weeks", Instant.parse("2026-11-20T07:00:00Z"),
                ProposalDecision.ACCEPTED, "dr-lee", Instant.parse("2026-11-21T09:00:00Z"));
        return new ProgramChanged("clinic-7", "patient-42", Stage.DEEPER.name(), List.of("LOWER_BACK"), List.of(proposal),
                "dr-lee", Instant.parse("2026-11-21T09:00:00Z"), version);
    }

    @Test
    void aChangeTravelsWholeAndComesBackEqual() {
        var event = events.event("ev-1", ProgramChanged.TYPE, "patient-42", Instant.parse("2026-11-21T09:00:00Z"), program(3));
        var decoded = codec.decode(ProgramEventCodec.encode(event)).orElseThrow();
        assertThat(decoded.data()).isEqualTo(program(3));
        assertThat(decoded.id()).isEqualTo("ev-1");
        assertThat(decoded.dataschema()).isEqualTo(DataSchemas.of(ProgramChanged.TYPE).orElseThrow());
    }

    @Test
    void theMonitoringStartTravelsAndAnOlderEventWithoutItStaysValid() {
        var withStart = new ProgramChanged("clinic-7", "patient-42", Stage.DEEPER.name(), List.of(), List.of(), "dr-lee",
                Instant.parse("2026-11-21T09:00:00Z"), 5, java.time.LocalDate.parse("2026-11-16"));
        var event = events.event("ev-2", ProgramChanged.TYPE, "patient-42", Instant.parse("2026-11-21T09:00:00Z"), withStart);
        String json = new String(ProgramEventCodec.encode(event), StandardCharsets.UTF_8);
        assertThat(json).contains("\"monitoringStart\":\"2026-11-16\"");
        assertThat(codec.decode(json.getBytes(StandardCharsets.UTF_8)).orElseThrow().data()).isEqualTo(withStart);

        String older = json.replace(",\"monitoringStart\":\"2026-11-16\"", "");
        assertThat(older).doesNotContain("monitoringStart");
        assertThat(codec.decode(older.getBytes(StandardCharsets.UTF_8)).orElseThrow().data().monitoringStart()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"\"2026-13-01\"", "\"16.11.2026\"", "20261116", "\"\"", "{}"})
    void aMonitoringStartThatIsNoDateIsRefusedNamingTheField(String broken) {
        var withStart = new ProgramChanged("clinic-7", "patient-42", Stage.DEEPER.name(), List.of(), List.of(), "dr-lee",
                Instant.parse("2026-11-21T09:00:00Z"), 5, java.time.LocalDate.parse("2026-11-16"));
        String json = new String(ProgramEventCodec.encode(events.event("ev-3", ProgramChanged.TYPE, "patient-42",
                Instant.parse("2026-11-21T09:00:00Z"), withStart)), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> codec.decode(json.replace("\"2026-11-16\"", broken).getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("data.monitoringStart");
    }

    @Test
    void otherTypesOfTheTopicArePassedOver() {
        String other = """
                {"specversion":"1.0","id":"x","source":"/routine-service","type":"backtrack.program.archived.v9","data":{}}""";
        assertThat(codec.decode(other.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"clinicId\":\"clinic-7\"|\"clinicId\":\"\"|data.clinicId",
            "\"clinicId\":\"clinic-7\"|\"clinicId\":\"a b\"|data.clinicId",
            "\"patientId\":\"patient-42\"|\"patientId\":null|data.patientId",
            "\"version\":3|\"version\":0|data.version",
            "\"version\":3|\"version\":\"3\"|data.version",
            "\"stage\":\"DEEPER\"|\"stage\":\"EXPERT\"|data.stage",
            "\"id\":\"ev-1\"|\"id\":\"\"|id"})
    void aChangeWithoutWhatConsumersActOnIsRefusedNamingTheField(String valid, String broken, String field) {
        var event = events.event("ev-1", ProgramChanged.TYPE, "patient-42", Instant.parse("2026-11-21T09:00:00Z"), program(3));
        String json = new String(ProgramEventCodec.encode(event), StandardCharsets.UTF_8);
        assertThat(json).contains(valid);
        assertThatThrownBy(() -> codec.decode(json.replace(valid, broken).getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining(field);
    }

    @Test
    void noJsonIsRefused() {
        assertThatThrownBy(() -> codec.decode("not json".getBytes(StandardCharsets.UTF_8))).isInstanceOf(InvalidEventException.class);
    }
}
