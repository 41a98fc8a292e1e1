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
        assertThat(schemas.get("ProposalDecision").get("enum")).isEqualTo(names(ProposalDecision.values()));
        var regions = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) schemas.get("Exercise")
                .get("properties")).get("regions")).get("items");
        assertThat(regions.get("enum")).isEqualTo(names(Region.values()));
    }

    @Test
    void everyStatusHasWordsAndASignForPeople() {
        assertThat(Arrays.stream(ProgressStatus.values()).map(ProgressStatus::label)).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(Arrays.stream(ProgressStatus.values()).map(ProgressStatus::symbol)).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(ProgressStatus.named("PLATEAU")).contains(ProgressStatus.PLATEAU);
        // the dashboard styles by these, never by a status's name: a red flag is the one alarm, a plateau the one flat trend
        assertThat(Arrays.stream(ProgressStatus.values()).filter(s -> s.tone() == Tone.ALARM)).containsExactly(ProgressStatus.RED_FLAG);
        assertThat(Arrays.stream(ProgressStatus.values()).filter(ProgressStatus::flatTrend)).containsExactly(ProgressStatus.PLATEAU);
        assertThat(ProgressStatus.IMPROVING.tone()).isEqualTo(ProgressStatus.RECOVERED.tone()).isEqualTo(Tone.GOOD);
        assertThat(Arrays.stream(AlertType.values()).filter(t -> t.tone() == Tone.ALARM)).containsExactly(AlertType.RED_FLAG_SYMPTOM);
        assertThat(Arrays.stream(AlertType.values()).map(AlertType::tone)).doesNotContainNull();
        assertThat(ProgressStatus.named("plateau")).isEmpty();
        assertThat(ProgressStatus.named(null)).isEmpty();
    }
}
