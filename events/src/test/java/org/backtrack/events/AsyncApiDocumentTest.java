package org.backtrack.events;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The AsyncAPI document is published with the contract: it must name the real topics and the real schema. */
class AsyncApiDocumentTest {

    @Test
    @SuppressWarnings("unchecked")
    void describesTheFixedTopicsAndPointsAtTheShippedSchema() throws Exception {
        Map<String, Object> doc = AsyncApiYaml.load();
        assertThat(doc.get("asyncapi")).isEqualTo("3.0.0");
        var channels = (Map<String, Map<String, Object>>) doc.get("channels");
        assertThat(channels.values()).extracting(channel -> channel.get("address"))
                .contains(Topics.SESSIONS, Topics.PROGRESS, Topics.CATALOG, Topics.SESSIONS_DLT, Topics.PROGRESS_DLT);
        // the topics the services declare carry the limit the contract allows, as the code sets it
        for (String address : new String[]{Topics.SESSIONS, Topics.SESSIONS_DLT, Topics.PROGRESS, Topics.PROGRESS_DLT}) {
            var channel = channels.values().stream().filter(c -> address.equals(c.get("address"))).findFirst().orElseThrow();
            var kafka = (Map<String, Object>) ((Map<String, Object>) channel.get("bindings")).get("kafka");
            assertThat(((Map<String, Object>) kafka.get("topicConfiguration")).get("max.message.bytes"))
                    .as(address).isEqualTo(Topics.MAX_MESSAGE_BYTES);
            assertThat(channel).as(address).doesNotContainKey("x-status");
        }
        String yaml = new String(getClass().getResourceAsStream("/asyncapi.yaml").readAllBytes());
        assertThat(yaml).contains("./schemas/session-completed-v1.schema.json", SessionCompleted.TYPE);
        assertThat(getClass().getResource("/schemas/session-completed-v1.schema.json")).isNotNull();
    }
}
