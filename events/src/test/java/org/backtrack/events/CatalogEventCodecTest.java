package org.backtrack.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogEventCodecTest {

    final CatalogEventCodec codec = new CatalogEventCodec(ContractJson.MAPPER);

    static final String CAT_COW = """
            {"id":"cat-cow","clinicId":null,"name":"Cat-Cow","stage":"BASIC","kind":"MOBILITY","regions":["LOWER_BACK"],
             "equipment":[],"timeOfDay":["MORNING"],"dosage":{"holdSeconds":null,"reps":8,"sets":2,"perSide":false,
             "secondsPerRep":4,"restSeconds":10},"estimatedSeconds":130,"summary":"Arch and round.","steps":["On all fours."],
             "cues":["Move slowly."],"cautions":[],"stopIf":["Sharp pain"],"contraindications":["ACUTE_DISC_HERNIATION"],
             "progressions":["thread-the-needle"],"regressions":[],"contentVersion":1,"version":3,"retired":false}""";

    static byte[] event(String type, String data) {
        return """
                {"specversion":"1.0","id":"ev-1","source":"/catalog-service","type":"%s","subject":"cat-cow",
                 "time":"2026-11-23T08:00:00Z","datacontenttype":"application/json","data":%s}"""
                .formatted(type, data).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anUpsertIsReadIntoTheTypedRecordWithWhatConsumersUse() {
        CatalogExerciseChanged exercise = codec.decode(event(CatalogEventTypes.UPSERTED, CAT_COW)).orElseThrow().data();

        assertThat(exercise).isEqualTo(new CatalogExerciseChanged("cat-cow", null, "Cat-Cow", "BASIC", "MOBILITY",
                List.of("LOWER_BACK"), List.of(), List.of("MORNING"), new CatalogExerciseChanged.Dosage(null, 8, 2, false, 4, 10),
                List.of("Move slowly."), List.of("Sharp pain"), List.of("ACUTE_DISC_HERNIATION"),
                List.of("thread-the-needle"), List.of(), 3, false));
        assertThat(exercise.visibleTo("clinic-7")).isTrue(); // built-in content is every clinic's
    }

    @Test
    void aRetirementCarriesOnlyItsIdClinicAndVersionAndReadsAsRetired() {
        CatalogExerciseChanged retired = codec.decode(event(CatalogEventTypes.RETIRED,
                "{\"id\":\"clinic-7.neck-roll\",\"clinicId\":\"clinic-7\",\"version\":4}")).orElseThrow().data();

        assertThat(retired.retired()).isTrue();
        assertThat(retired.version()).isEqualTo(4);
        assertThat(retired.regions()).isEmpty();
        assertThat(retired.visibleTo("clinic-7")).isTrue();
        assertThat(retired.visibleTo("clinic-8")).isFalse();
    }

    @Test
    void otherCatalogEventTypesArePassedOver() {
        assertThat(codec.decode(event("backtrack.catalog.something-new.v1", "{}"))).isEmpty();
        assertThat(codec.decode(new byte[0])).isEmpty();
    }

    @Test
    void aRecordThatIsNoJsonIsRefused() {
        assertThatThrownBy(() -> codec.decode("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.violations()).extracting(Violation::field)
                        .containsExactly("$"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvFileSource(resources = "/org/backtrack/events/refused-catalog-upserts.csv", delimiter = '|', quoteCharacter = '\'')
    void anUpsertWithoutWhatConsumersActOnIsRefusedNamingTheField(String valid, String broken, String field) {
        assertThat(CAT_COW).contains(valid);
        byte[] raw = event(CatalogEventTypes.UPSERTED, CAT_COW.replace(valid, broken));
        assertThatThrownBy(() -> codec.decode(raw))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.violations()).extracting(Violation::field)
                        .containsExactly(field));
    }

    @Test
    void aRetirementWithoutAVersionOrIdIsRefused() {
        assertThatThrownBy(() -> codec.decode(event(CatalogEventTypes.RETIRED, "{\"id\":\"cat-cow\"}")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("data.version");
        assertThatThrownBy(() -> codec.decode(event(CatalogEventTypes.RETIRED, "{\"version\":2}")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("data.id");
    }

    @Test
    void theEventIdIsRequired() {
        byte[] raw = new String(event(CatalogEventTypes.UPSERTED, CAT_COW), StandardCharsets.UTF_8)
                .replace("\"id\":\"ev-1\"", "\"id\":\"\"").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> codec.decode(raw)).isInstanceOf(InvalidEventException.class).hasMessageContaining("id");
    }
}
