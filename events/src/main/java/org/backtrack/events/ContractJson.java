package org.backtrack.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import java.util.List;

/** How every codec of the contract maps JSON to its records, so events of every type are read alike. */
final class ContractJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // the contract grows by optional fields
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES) // an absent or null flag means "not reported"
            .build();

    private ContractJson() {
    }

    /** {@code CloudEvent<data>}. */
    static JavaType eventOf(Class<?> data) {
        return MAPPER.getTypeFactory().constructParametricType(CloudEvent.class, data);
    }

    /** The event a consumer's record holds, read with the consumer's parser; no content reads as no event type. */
    static JsonNode readEvent(JsonMapper parser, byte[] raw) {
        try {
            JsonNode tree = parser.readTree(raw);
            return tree == null ? MissingNode.getInstance() : tree; // no content: no type, so nothing to act on
        } catch (JacksonException | IllegalArgumentException e) {
            throw invalid("$", "is not valid JSON");
        }
    }

    /** Mapping after validation should not fail; if it does, the input is still at fault and must not be retried. */
    static <T> T convert(JsonNode tree, JavaType type) {
        try {
            return MAPPER.treeToValue(tree, type); // reads the tree directly; convertValue would write it out first
        } catch (JacksonException | IllegalArgumentException e) {
            throw invalid("$", "could not be read: " + e.getMessage());
        }
    }

    static InvalidEventException invalid(String field, String message) {
        return new InvalidEventException(List.of(new Violation(field, message)));
    }
}
