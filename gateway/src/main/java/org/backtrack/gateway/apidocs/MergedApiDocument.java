package org.backtrack.gateway.apidocs;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Merges the services' OpenAPI documents into one: all paths, the components of each (a schema name two services
 * use for different schemas is renamed with the service's prefix and its references follow), tags, and operation ids
 * made unique the same way, under BackTrack's own information and the gateway as the server. A path two documents
 * both describe is a configuration fault, refused.
 */
final class MergedApiDocument {

    static final String TITLE = "BackTrack API";
    static final String LICENSE = "Apache-2.0";
    static final String LICENSE_URL = "https://www.apache.org/licenses/LICENSE-2.0";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SCHEMAS = "#/components/schemas/";

    private MergedApiDocument() {
    }

    /**
     * @param documents each service's document by its prefix (e.g. {@code catalog}), in a stable order
     * @param serverUrl where clients reach the gateway
     */
    static ObjectNode merge(Map<String, JsonNode> documents, String serverUrl, String version, String description) {
        ObjectNode merged = JSON.createObjectNode();
        merged.put("openapi", "3.1.0");
        ObjectNode info = merged.putObject("info").put("title", TITLE).put("version", version).put("description", description);
        info.putObject("license").put("name", LICENSE).put("identifier", LICENSE).put("url", LICENSE_URL);
        merged.putArray("servers").addObject().put("url", serverUrl).put("description", "The BackTrack gateway");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        Map<String, ArrayNode> tags = new LinkedHashMap<>();
        Map<String, Integer> operationIds = countOperationIds(documents);

        for (var entry : documents.entrySet()) {
            String prefix = entry.getKey();
            ObjectNode document = (ObjectNode) entry.getValue().deepCopy();
            Map<String, String> renames = new HashMap<>();
            for (var schema : document.path("components").path("schemas").properties()) {
                JsonNode existing = schemas.get(schema.getKey());
                if (existing != null && !existing.equals(schema.getValue())) {
                    renames.put(schema.getKey(), capitalized(prefix) + schema.getKey());
                }
            }
            rewriteRefs(document, renames);
            for (var schema : document.path("components").path("schemas").properties()) {
                schemas.set(renames.getOrDefault(schema.getKey(), schema.getKey()), schema.getValue());
            }
            for (var section : document.path("components").properties()) {
                if (!section.getKey().equals("schemas")) {
                    ObjectNode target = components.has(section.getKey()) ? (ObjectNode) components.get(section.getKey())
                            : components.putObject(section.getKey());
                    section.getValue().properties().forEach(item -> target.set(item.getKey(), item.getValue()));
                }
            }
            for (var path : document.path("paths").properties()) {
                if (paths.has(path.getKey())) {
                    throw new IllegalStateException(path.getKey() + " is described by two services");
                }
                for (JsonNode operation : path.getValue()) {
                    if (operation instanceof ObjectNode op && op.has("operationId")
                            && operationIds.get(op.get("operationId").asString()) > 1) {
                        op.put("operationId", prefix + capitalized(op.get("operationId").asString()));
                    }
                }
                paths.set(path.getKey(), path.getValue());
            }
            for (JsonNode tag : document.path("tags")) {
                tags.computeIfAbsent(tag.path("name").asString(), name -> JSON.createArrayNode()).add(tag);
            }
        }
        if (!tags.isEmpty()) {
            ArrayNode list = merged.putArray("tags");
            tags.values().forEach(same -> list.add(same.get(0)));
        }
        return merged;
    }

    private static Map<String, Integer> countOperationIds(Map<String, JsonNode> documents) {
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode document : documents.values()) {
            Set<String> ids = new LinkedHashSet<>();
            for (JsonNode path : document.path("paths")) {
                for (JsonNode operation : path) {
                    if (operation.has("operationId")) {
                        ids.add(operation.get("operationId").asString());
                    }
                }
            }
            ids.forEach(id -> counts.merge(id, 1, Integer::sum));
        }
        return counts;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString() && ref.asString().startsWith(SCHEMAS)) {
                String renamed = renames.get(ref.asString().substring(SCHEMAS.length()));
                if (renamed != null) {
                    object.put("$ref", SCHEMAS + renamed);
                }
            }
            object.properties().forEach(property -> rewriteRefs(property.getValue(), renames));
        } else if (node instanceof ArrayNode array) {
            array.forEach(item -> rewriteRefs(item, renames));
        }
    }

    private static String capitalized(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
