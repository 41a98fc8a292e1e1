package org.backtrack.events;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event type of the code names a schema that exists and is the schema of that type. */
class DataSchemasTest {

    @Test
    void theSessionEventNamesItsJsonSchemaById() throws IOException {
        try (InputStream schema = getClass().getResourceAsStream("/schemas/session-completed-v1.schema.json")) {
            String id = JsonMapper.builder().build().readTree(schema).get("$id").asString();
            assertThat(DataSchemas.of(SessionCompleted.TYPE)).contains(id);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOtherTypeNamesTheAsyncApiSchemaThatFixesItsType() throws IOException {
        var schemas = AsyncApiYaml.components("schemas");
        List<String> types = Stream.concat(Stream.of(ProgressStatusChanged.TYPE, AlertRaised.TYPE, AlertAcknowledged.TYPE,
                AlertResolved.TYPE, WebhookEndpointDisabled.TYPE, MonitoringDaysReached.TYPE, ProgramChanged.TYPE), CatalogEventTypes.all().stream()).toList();
        for (String type : types) {
            String uri = DataSchemas.of(type).orElseThrow(() -> new AssertionError("no dataschema for " + type));
            assertThat(uri).startsWith(DataSchemas.ASYNCAPI_SCHEMAS);
            var schema = schemas.get(uri.substring(DataSchemas.ASYNCAPI_SCHEMAS.length()));
            assertThat(schema).as(uri).isNotNull();
            Object typeConst = ((List<Map<String, Object>>) schema.get("allOf")).stream()
                    .map(part -> (Map<String, Object>) part.get("properties")).filter(p -> p != null && p.containsKey("type"))
                    .map(p -> ((Map<String, Object>) p.get("type")).get("const")).findFirst().orElseThrow();
            assertThat(typeConst).as(uri).isEqualTo(type);
        }
        assertThat(DataSchemas.all()).hasSize(types.size() + 1);
        assertThat(DataSchemas.of("backtrack.unknown.v1")).isEmpty();
    }
}
