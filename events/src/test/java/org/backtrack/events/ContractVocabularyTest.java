package org.backtrack.events;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backtrack.events.AlertVocabularyTest.names;
import static org.backtrack.events.AlertVocabularyTest.schemas;

/** The clinic's vocabulary lives once, in this module: the AsyncAPI document lists exactly the Java values. */
class ContractVocabularyTest {

    @Test
    @SuppressWarnings("unchecked")
    void theDocumentListsExactlyTheJavaValues() throws Exception {
        var schemas = schemas();
        assertThat(schemas.get("ProgressStatus").get("enum")).isEqualTo(names(ProgressStatus.values()));
        assertThat(schemas.get("SuggestionAction").get("enum")).isEqualTo(names(SuggestedAction.values()));
        assertThat(schemas.get("ExerciseStage").get("enum")).isEqualTo(names(Stage.values()));
        assertThat(schemas.get("ExerciseKind").get("enum")).isEqualTo(names(Kind.values()));
        var regions = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) schemas.get("Exercise")
                .get("properties")).get("regions")).get("items");
        assertThat(regions.get("enum")).isEqualTo(names(Region.values()));
    }

    @Test
    void everyStatusHasWordsAndASignForPeople() {
        assertThat(Arrays.stream(ProgressStatus.values()).map(ProgressStatus::label)).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(Arrays.stream(ProgressStatus.values()).map(ProgressStatus::symbol)).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(ProgressStatus.named("PLATEAU")).contains(ProgressStatus.PLATEAU);
        assertThat(ProgressStatus.named("plateau")).isEmpty();
        assertThat(ProgressStatus.named(null)).isEmpty();
    }
}
