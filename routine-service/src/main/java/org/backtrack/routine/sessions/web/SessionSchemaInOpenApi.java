package org.backtrack.routine.sessions.web;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.backtrack.events.DataSchemas;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The session's schema in the OpenAPI document is the event contract's own JSON Schema
 * ({@code schemas/session-completed-v1.schema.json} of {@code events}), not one springdoc derives from the Java
 * record: its {@code $defs} become components ({@code SessionCompleted} the event's {@code data}), and
 * {@code POST /api/v1/sessions} takes {@code LogSessionRequest}, the same schema with {@code clinicId} optional (the
 * caller's clinic fills it). The body arrives as a {@code JsonNode} so that every bad field is named by the
 * contract's own check; this is what tells a client generator its shape.
 */
@Component
class SessionSchemaInOpenApi implements OpenApiCustomizer {

    static final String RESOURCE = "/schemas/session-completed-v1.schema.json";
    static final String PATH = "/api/v1/sessions";
    static final String REQUEST = "LogSessionRequest";
    static final String COMPONENTS = "#/components/schemas/";
    /** The schema's {@code $defs} and their component names. */
    static final Map<String, String> NAMES = Map.of("session", "SessionCompleted", "identifier", "Identifier",
            "instant", "Instant", "pain", "PainRating");
    /** What springdoc derived from the Java types, replaced by the contract's schema. */
    static final String[] DERIVED = {"JsonNode", "ExercisePerformed", "SymptomFlags"};

    private final Map<String, Schema<?>> schemas;

    SessionSchemaInOpenApi() {
        this.schemas = fromContract(JsonMapper.builder().build());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Map<String, Schema<?>> fromContract(JsonMapper json) {
        try (InputStream in = SessionSchemaInOpenApi.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath (module events)");
            }
            JsonNode contract = json.readTree(in);
            var result = new java.util.LinkedHashMap<String, Schema<?>>();
            for (var def : contract.get("$defs").properties()) {
                JsonNode schema = rewriteRefs(def.getValue().deepCopy());
                if (def.getKey().equals("session")) {
                    ((ObjectNode) schema).put("description", "The data of a backtrack.session.completed.v1 event, as "
                            + "the contract's JSON Schema " + DataSchemas.SESSION_COMPLETED + " defines it (#/$defs/session).");
                    ObjectNode request = (ObjectNode) schema.deepCopy();
                    ArrayNode required = request.putArray("required");
                    schema.get("required").forEach(name -> {
                        if (!name.asString().equals("clinicId")) {
                            required.add(name);
                        }
                    });
                    request.put("description", "A completed session: the data of backtrack.session.completed.v1 ("
                            + DataSchemas.SESSION_COMPLETED + "#/$defs/session), clinicId optional (the caller's clinic; "
                            + "another one is refused).");
                    result.put(REQUEST, Json31.mapper().readValue(json.writeValueAsString(request), Schema.class));
                }
                result.put(NAMES.get(def.getKey()), Json31.mapper().readValue(json.writeValueAsString(schema), Schema.class));
            }
            return Map.copyOf(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode rewriteRefs(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.asString().startsWith("#/$defs/")) {
                object.put("$ref", COMPONENTS + NAMES.get(ref.asString().substring("#/$defs/".length())));
            }
            object.properties().forEach(property -> rewriteRefs(property.getValue()));
        } else if (node instanceof ArrayNode array) {
            array.forEach(SessionSchemaInOpenApi::rewriteRefs);
        }
        return node;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void customise(OpenAPI openApi) {
        schemas.forEach(openApi.getComponents()::addSchemas);
        for (String derived : DERIVED) {
            openApi.getComponents().getSchemas().remove(derived);
        }
        PathItem path = openApi.getPaths() == null ? null : openApi.getPaths().get(PATH);
        Operation log = path == null ? null : path.getPost();
        if (log == null) {
            return;
        }
        log.getRequestBody().setRequired(true);
        MediaType body = log.getRequestBody().getContent().get("application/json");
        body.setSchema(new Schema<>().$ref(COMPONENTS + REQUEST));
        ApiResponse ok = log.getResponses().get("200");
        if (ok != null) {
            ok.setDescription("The same data again (no second event), or a correction (a new event)");
            log.getResponses().addApiResponse("201", new ApiResponse().description("A new session, its event published")
                    .content(ok.getContent()));
            log.getResponses().addApiResponse("202", new ApiResponse().description("Stored; the broker has not "
                    + "acknowledged its event yet, which follows when it returns").content(ok.getContent()));
        }
    }
}
