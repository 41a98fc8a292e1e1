package org.backtrack.events;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/integration.md lists every event type of the contract with a JSON example of that very type. */
class IntegrationGuideTest {

    private static final Path GUIDE = Path.of("..").toAbsolutePath().normalize().resolve("docs/integration.md");

    @Test
    void everyEventTypeHasItsOwnExample() throws Exception {
        var messages = AsyncApiYaml.components("messages");
        List<String> types = messages.values().stream().map(m -> (String) m.get("name")).filter(n -> !n.equals("dead-letter")).toList();
        assertThat(types).contains(SessionCompleted.TYPE, ProgramChanged.TYPE, AlertRaised.TYPE);

        String guide = Files.readString(GUIDE);
        for (String type : types) {
            Matcher example = Pattern.compile("#### `" + Pattern.quote(type) + "`\\n(?:[^\\n]*\\n)*?```json\\n(.*?)```", Pattern.DOTALL)
                    .matcher(guide);
            assertThat(example.find()).as(type + " has a heading and a JSON example").isTrue();
            assertThat(example.group(1)).as(type).contains("\"type\": \"" + type + "\"");
            assertThat(guide).as(type + " is in the table").contains("| `" + type + "` |");
        }
    }
}
