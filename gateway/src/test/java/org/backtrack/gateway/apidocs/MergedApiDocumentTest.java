package org.backtrack.gateway.apidocs;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.backtrack.testsupport.TestDefaults.JSON;

class MergedApiDocumentTest {

    static JsonNode doc(String json) {
        return JSON.readTree(json.replace('\'', '"'));
    }

    static Map<String, JsonNode> documents(String... prefixAndJson) {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        for (int i = 0; i < prefixAndJson.length; i += 2) {
            documents.put(prefixAndJson[i], doc(prefixAndJson[i + 1]));
        }
        return documents;
    }

    static final String CATALOG = """
            {'openapi':'3.1.0','info':{'title':'OpenAPI definition','version':'v0'},'servers':[{'url':'http://catalog:8081'}],
             'tags':[{'name':'access-log-controller'}],
             'paths':{'/api/v1/exercises/{id}':{'get':{'operationId':'one','responses':{'200':{'content':{'application/json':{'schema':{'$ref':'#/components/schemas/Entry'}}}}}}},
                      '/api/v1/access-log/catalog-service':{'get':{'operationId':'entries','tags':['access-log-controller'],'responses':{'200':{'content':{'application/json':{'schema':{'$ref':'#/components/schemas/Problem'}}}}}}}},
             'components':{'schemas':{'Entry':{'type':'object','properties':{'id':{'type':'string'}}},'Problem':{'type':'object'}},
                           'securitySchemes':{'bearer-jwt':{'type':'http','scheme':'bearer'}}}}""";
    static final String ROUTINE = """
            {'openapi':'3.1.0','info':{'title':'x','version':'v0'},'tags':[{'name':'access-log-controller'}],
             'paths':{'/api/v1/routines/{id}':{'get':{'operationId':'one','responses':{'200':{'content':{'application/json':{'schema':{'$ref':'#/components/schemas/Entry'}}}}}}},
                      '/api/v1/sessions':{'post':{'operationId':'log','responses':{'200':{'content':{'application/json':{'schema':{'type':'array','items':{'$ref':'#/components/schemas/Entry'}}}}}}}}},
             'components':{'schemas':{'Entry':{'type':'object','properties':{'routineId':{'type':'string'}}},'Problem':{'type':'object'}},
                           'securitySchemes':{'bearer-jwt':{'type':'http','scheme':'bearer'}}}}""";

    @Test
    void everyPathOfEveryServiceIsInTheOneDocumentUnderBackTracksInformationAndTheGateway() {
        JsonNode merged = MergedApiDocument.merge(documents("catalog", CATALOG, "routine", ROUTINE), "https://api.example", "1.0.0", "all of it");
        assertThat(merged.get("paths").propertyNames()).containsExactly("/api/v1/exercises/{id}",
                "/api/v1/access-log/catalog-service", "/api/v1/routines/{id}", "/api/v1/sessions");
        assertThat(merged.at("/info/title").asString()).isEqualTo("BackTrack API");
        assertThat(merged.at("/info/license/identifier").asString()).isEqualTo("Apache-2.0");
        assertThat(merged.at("/servers/0/url").asString()).isEqualTo("https://api.example");
        assertThat(merged.at("/servers")).hasSize(1);
        assertThat(merged.at("/components/securitySchemes/bearer-jwt/scheme").asString()).isEqualTo("bearer");
        assertThat(merged.get("tags")).hasSize(1);
    }

    @Test
    void aSchemaNameTwoServicesUseForDifferentSchemasIsRenamedAndItsReferencesFollow() {
        JsonNode merged = MergedApiDocument.merge(documents("catalog", CATALOG, "routine", ROUTINE), "/", "1", "d");
        assertThat(merged.at("/components/schemas/Entry/properties/id").isMissingNode()).isFalse();
        assertThat(merged.at("/components/schemas/RoutineEntry/properties/routineId").isMissingNode()).isFalse();
        assertThat(merged.at("/paths/~1api~1v1~1routines~1{id}/get/responses/200/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/RoutineEntry");
        assertThat(merged.at("/paths/~1api~1v1~1sessions/post/responses/200/content/application~1json/schema/items/$ref").asString())
                .isEqualTo("#/components/schemas/RoutineEntry");
        assertThat(merged.at("/paths/~1api~1v1~1exercises~1{id}/get/responses/200/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/Entry");
        // the same schema under the same name is kept once
        assertThat(merged.at("/components/schemas").propertyNames()).containsExactlyInAnyOrder("Entry", "Problem", "RoutineEntry");
    }

    @Test
    void anOperationIdTwoServicesUseGetsEachServicesPrefixAndAUniqueOneIsKept() {
        JsonNode merged = MergedApiDocument.merge(documents("catalog", CATALOG, "routine", ROUTINE), "/", "1", "d");
        assertThat(merged.at("/paths/~1api~1v1~1exercises~1{id}/get/operationId").asString()).isEqualTo("catalogOne");
        assertThat(merged.at("/paths/~1api~1v1~1routines~1{id}/get/operationId").asString()).isEqualTo("routineOne");
        assertThat(merged.at("/paths/~1api~1v1~1sessions/post/operationId").asString()).isEqualTo("log");
        assertThat(merged.at("/paths/~1api~1v1~1access-log~1catalog-service/get/operationId").asString()).isEqualTo("entries");
    }

    @Test
    void aPathTwoServicesDescribeIsRefused() {
        assertThatThrownBy(() -> MergedApiDocument.merge(documents("catalog", CATALOG, "again", CATALOG), "/", "1", "d"))
                .hasMessageContaining("/api/v1/exercises/{id}");
    }

    @Test
    void theInputDocumentsAreLeftAsTheyWere() {
        Map<String, JsonNode> documents = documents("catalog", CATALOG, "routine", ROUTINE);
        JsonNode before = documents.get("routine").deepCopy();
        MergedApiDocument.merge(documents, "/", "1", "d");
        assertThat(documents.get("routine")).isEqualTo(before);
    }
}
