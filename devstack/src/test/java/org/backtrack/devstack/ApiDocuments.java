package org.backtrack.devstack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.backtrack.testsupport.TestDefaults.JSON;

/**
 * The documented operations of the three services, read from their own OpenAPI documents ({@code /v3/api-docs} on
 * each service's port), with parameters, declared roles and the request body's schema ({@code $ref}s inlined) and
 * example, for tests that derive their calls from what is documented.
 */
final class ApiDocuments {

    static final String ROLES = "x-backtrack-roles";
    static final List<String> METHOD_ORDER = List.of("GET", "POST", "PUT", "DELETE");
    private static final int MAX_REF_DEPTH = 6;

    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /**
     * @param bodySchema  the request body's JSON schema with references resolved, or null without a body
     * @param bodyExample the first documented example of the body, or null
     */
    record Operation(String service, String method, String path, List<String> roles, List<Parameter> parameters,
                     JsonNode bodySchema, JsonNode bodyExample, boolean bodyRequired) {

        String key() {
            return method + " " + path;
        }

        boolean hasBody() {
            return bodySchema != null || bodyExample != null;
        }

        boolean writes() {
            return !method.equals("GET");
        }

        List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }
    }

    /** Operations sorted by path, then reads first; and the enum values each property name has anywhere. */
    record Documents(List<Operation> operations, Map<String, Set<String>> enumsByProperty) {
    }

    private ApiDocuments() {
    }

    static Documents read(DevStackConfig config) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Integer> ports = new TreeMap<>(Map.of("catalog-service", config.catalogPort(),
                "routine-service", config.routinePort(), "progress-service", config.progressPort()));
        List<Operation> operations = new ArrayList<>();
        Map<String, Set<String>> enums = new TreeMap<>();
        for (var service : ports.entrySet()) {
            var response = http.send(HttpRequest.newBuilder(URI.create("http://" + config.host() + ":" + service.getValue()
                    + "/v3/api-docs")).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(service.getKey() + " /v3/api-docs answered " + response.statusCode());
            }
            JsonNode document = JSON.readTree(response.body());
            for (JsonNode schema : document.path("components").path("schemas")) {
                collectEnums(schema, enums);
            }
            JsonNode paths = document.get("paths");
            for (String path : paths.propertyNames()) {
                for (String method : paths.get(path).propertyNames()) {
                    JsonNode op = paths.get(path).get(method);
                    List<String> roles = new ArrayList<>();
                    op.path(ROLES).forEach(role -> roles.add(role.asString()));
                    List<Parameter> parameters = new ArrayList<>();
                    for (JsonNode p : op.path("parameters")) {
                        JsonNode schema = resolve(document, p.path("schema"), 0);
                        parameters.add(new Parameter(p.get("name").asString(), p.get("in").asString(),
                                p.path("required").asBoolean(false), schema));
                        if (schema != null) {
                            addEnum(p.get("name").asString(), schema, enums);
                        }
                    }
                    JsonNode content = op.path("requestBody").path("content").path("application/json");
                    JsonNode bodySchema = content.has("schema") ? resolve(document, content.get("schema"), 0) : null;
                    JsonNode example = null;
                    for (JsonNode e : content.path("examples")) {
                        example = e.get("value");
                        break;
                    }
                    if (example == null && content.has("example")) {
                        example = content.get("example");
                    }
                    operations.add(new Operation(service.getKey(), method.toUpperCase(), path, List.copyOf(roles),
                            List.copyOf(parameters), bodySchema, example, op.path("requestBody").path("required").asBoolean(false)));
                }
            }
        }
        operations.sort(Comparator.comparing(Operation::path).thenComparing(op -> METHOD_ORDER.indexOf(op.method())));
        return new Documents(List.copyOf(operations), enums);
    }

    /** A copy of the schema with every {@code $ref} to the document's components replaced by the schema it names. */
    static JsonNode resolve(JsonNode document, JsonNode schema, int depth) {
        if (schema == null || schema.isMissingNode()) {
            return null;
        }
        if (schema.has("$ref")) {
            if (depth >= MAX_REF_DEPTH) {
                return JSON.createObjectNode().put("type", "object");
            }
            String ref = schema.get("$ref").asString();
            JsonNode target = document.at(ref.substring(1));
            return resolve(document, target, depth + 1);
        }
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode copy = JSON.createObjectNode();
        for (var property : schema.properties()) {
            JsonNode value = property.getValue();
            if (value.isObject()) {
                copy.set(property.getKey(), property.getKey().equals("properties")
                        ? resolveEach(document, value, depth) : resolve(document, value, depth));
            } else {
                copy.set(property.getKey(), value);
            }
        }
        return copy;
    }

    private static JsonNode resolveEach(JsonNode document, JsonNode properties, int depth) {
        ObjectNode copy = JSON.createObjectNode();
        for (var property : properties.properties()) {
            copy.set(property.getKey(), resolve(document, property.getValue(), depth));
        }
        return copy;
    }

    /** Enum values by property name (also the singular of an array property, so {@code region} knows {@code regions}). */
    private static void collectEnums(JsonNode schema, Map<String, Set<String>> enums) {
        for (var property : schema.path("properties").properties()) {
            JsonNode values = property.getValue().has("items") ? property.getValue().get("items") : property.getValue();
            addEnum(property.getKey(), values, enums);
            collectEnums(values, enums);
        }
    }

    private static void addEnum(String name, JsonNode schema, Map<String, Set<String>> enums) {
        if (!schema.has("enum")) {
            return;
        }
        Set<String> values = new TreeSet<>();
        schema.get("enum").forEach(v -> values.add(v.asString()));
        enums.computeIfAbsent(name, n -> new TreeSet<>()).addAll(values);
        if (name.endsWith("s")) {
            enums.computeIfAbsent(name.substring(0, name.length() - 1), n -> new TreeSet<>()).addAll(values);
        }
    }
}
