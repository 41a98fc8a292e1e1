package org.backtrack.events;

import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.util.Map;

/** The AsyncAPI document the module ships ({@code /asyncapi.yaml}), read as plain YAML for the tests that check it. */
final class AsyncApiYaml {

    private AsyncApiYaml() {
    }

    /** The whole document. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> load() {
        try (InputStream in = AsyncApiYaml.class.getResourceAsStream("/asyncapi.yaml")) {
            return (Map<String, Object>) new Yaml().load(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One section of its {@code components} ({@code schemas}, {@code messages}), by name. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> components(String section) {
        return (Map<String, Map<String, Object>>) ((Map<String, Object>) load().get("components")).get(section);
    }
}
