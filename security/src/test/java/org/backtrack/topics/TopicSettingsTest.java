package org.backtrack.topics;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.backtrack.events.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TopicSettingsTest {

    @Test
    void aServiceDeclaresWhatItProducesAndTheDeadLetterTopicsOfWhatItConsumes() {
        TopicSettings settings = new TopicSettings(6, (short) 1, List.of(Topics.SESSIONS, Topics.PROGRAMS),
                List.of(Topics.PROGRESS, Topics.SESSIONS));

        List<NewTopic> declared = BoundedTopics.declarations(settings);

        assertThat(declared).extracting(NewTopic::name).containsExactly(Topics.SESSIONS, Topics.PROGRAMS,
                Topics.PROGRESS_DLT, Topics.SESSIONS_DLT);
        assertThat(declared).allSatisfy(topic -> {
            assertThat(topic.numPartitions()).isEqualTo(6);
            assertThat(topic.replicationFactor()).isEqualTo((short) 1);
            assertThat(topic.configs()).containsEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(Topics.MAX_MESSAGE_BYTES));
        });
    }

    @Test
    void declaringNothingIsAllowed() {
        assertThat(BoundedTopics.declarations(new TopicSettings(1, (short) 1, null, null))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"backtrack.session", "backtrack.sessions-dlt", "backtrack.sessions.clinic-a", "", "other"})
    void onlyContractTopicsAreDeclared(String topic) {
        assertThatIllegalArgumentException().isThrownBy(() -> new TopicSettings(6, (short) 1, List.of(topic), List.of()))
                .withMessageContaining("backtrack.topics.produced").withMessageContaining(topic);
        assertThatIllegalArgumentException().isThrownBy(() -> new TopicSettings(6, (short) 1, List.of(), List.of(topic)))
                .withMessageContaining("backtrack.topics.dead-lettered");
    }

    @Test
    void theCompactedCatalogIsNotDeclaredAsABoundedTopic() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TopicSettings(6, (short) 1, List.of(Topics.CATALOG), List.of()))
                .withMessageContaining("compacted");
        assertThat(new TopicSettings(6, (short) 1, List.of(), List.of(Topics.CATALOG)).deadLettered()).containsExactly(Topics.CATALOG);
    }
}
