package org.backtrack.events;

import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert vocabulary lives once, in this module: the AsyncAPI document lists exactly the Java values, documents
 * exactly the fields the payload records write, and every value has words for people.
 */
class AlertVocabularyTest {

    static Map<String, Map<String, Object>> schemas() {
        return AsyncApiYaml.components("schemas");
    }

    static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    @Test
    void theDocumentListsExactlyTheJavaValues() throws Exception {
        var schemas = schemas();
        assertThat(schemas.get("AlertType").get("enum")).isEqualTo(names(AlertType.values()));
        assertThat(schemas.get("AlertStatus").get("enum")).isEqualTo(names(AlertStatus.values()));
        assertThat(schemas.get("AlertResolution").get("enum")).isEqualTo(names(AlertResolution.values()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDocumentedPayloadFieldsAreThoseOfTheRecords() throws Exception {
        var schemas = schemas();
        for (var entry : Map.of("AlertRaisedData", AlertRaised.class, "AlertAcknowledgedData", AlertAcknowledged.class,
                "AlertResolvedData", AlertResolved.class).entrySet()) {
            var properties = (Map<String, Object>) schemas.get(entry.getKey()).get("properties");
            assertThat(properties.keySet()).as(entry.getKey())
                    .containsExactlyInAnyOrderElementsOf(Arrays.stream(entry.getValue().getRecordComponents()).map(RecordComponent::getName).toList());
        }
    }

    @Test
    void theEventTypesAreDocumentedOnTheProgressChannel() throws Exception {
        String yaml = new String(getClass().getResourceAsStream("/asyncapi.yaml").readAllBytes());
        assertThat(yaml).contains(AlertRaised.TYPE, AlertAcknowledged.TYPE, AlertResolved.TYPE,
                "maxLength: " + AlertAcknowledged.MAX_NOTE_LENGTH);
        for (String type : List.of(AlertRaised.TYPE, AlertAcknowledged.TYPE, AlertResolved.TYPE)) {
            assertThat(type).startsWith(Topics.PROGRESS + ".").endsWith(".v1");
        }
    }

    @Test
    void everyValueHasWordsForPeople() {
        for (AlertType type : AlertType.values()) {
            assertThat(type.label()).isNotBlank();
            assertThat(type.description()).endsWith(".");
            assertThat(type.resolvesBy()).endsWith(".");
        }
        assertThat(Arrays.stream(AlertStatus.values()).map(AlertStatus::label)).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(Arrays.stream(AlertResolution.values()).map(AlertResolution::label)).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void theStatusParameterIsTheNameInAnyCaseAndNothingElse() {
        assertThat(AlertStatus.fromParameter("open")).contains(AlertStatus.OPEN);
        assertThat(AlertStatus.fromParameter("Acknowledged")).contains(AlertStatus.ACKNOWLEDGED);
        assertThat(AlertStatus.fromParameter("RESOLVED")).contains(AlertStatus.RESOLVED);
        assertThat(AlertStatus.fromParameter("opened")).isEmpty();
        assertThat(AlertStatus.fromParameter("")).isEmpty();
        assertThat(AlertStatus.fromParameter(null)).isEmpty();
        assertThat(AlertStatus.OPEN.parameter()).isEqualTo("open");
        assertThat(AlertStatus.OPEN.rank()).isLessThan(AlertStatus.ACKNOWLEDGED.rank());
        assertThat(AlertStatus.ACKNOWLEDGED.rank()).isLessThan(AlertStatus.RESOLVED.rank());
    }
}
