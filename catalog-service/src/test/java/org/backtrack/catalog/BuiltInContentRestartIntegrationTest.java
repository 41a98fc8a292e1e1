package org.backtrack.catalog;

import org.backtrack.events.Topics;
import org.backtrack.security.TokenClaims;
import org.backtrack.testsupport.EmbeddedKafka;
import org.backtrack.testsupport.EmbeddedMongo;
import org.backtrack.testsupport.KafkaTestClient;
import org.backtrack.testsupport.TestHttp;
import org.backtrack.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A platform administrator's documented edit of built-in content, then catalog-service started again on the same
 * MongoDB-wire data: it must start, keep the edit, and still take a newer content file.
 */
class BuiltInContentRestartIntegrationTest {

    static final String EDIT = CatalogIntegrationTests.DRAFT.formatted("cat-cow").replace("Supported Cat-Cow", "Chair Cat-Cow");

    @TempDir
    Path files;

    @Test
    void anEditedBuiltInSurvivesARestartAndANewerContentFileStillApplies() throws Exception {
        String database = "catalog-restart-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = TestIssuer.platformAdmin();
        String platformMade;

        try (var first = start(database, "classpath:catalog/exercises.json")) {
            RestClient http = TestHttp.client(port(first), admin);
            assertThat(http.get().uri("/api/v1/exercises/cat-cow").retrieve().toEntity(JsonNode.class).getHeaders().getETag())
                    .isEqualTo("\"1\"");
            // as docs/security.md and the README describe: PUT with If-Match, as PLATFORM_ADMIN
            assertThat(send(http, HttpMethod.PUT, "/api/v1/exercises/cat-cow", "\"1\"", EDIT).getStatusCode().value()).isEqualTo(200);
            assertThat(send(http, HttpMethod.DELETE, "/api/v1/exercises/wall-angels", "\"1\"", null).getStatusCode().value()).isEqualTo(204);
            var created = send(http, HttpMethod.POST, "/api/v1/exercises", null, CatalogIntegrationTests.DRAFT.formatted("platform-made"));
            assertThat(created.getStatusCode().value()).isEqualTo(201);
            platformMade = created.getBody().get("id").asString();
        }

        try (var second = start(database, "classpath:catalog/exercises.json")) {
            RestClient http = TestHttp.client(port(second), TestIssuer.clinician("clinic-restart"));
            var catCow = http.get().uri("/api/v1/exercises/cat-cow").retrieve().toEntity(JsonNode.class);
            assertThat(catCow.getHeaders().getETag()).isEqualTo("\"2\"");
            assertThat(catCow.getBody().get("name").asString()).isEqualTo("Chair Cat-Cow");
            assertThat(catCow.getBody().get("contentVersion").asInt()).isEqualTo(1);
            assertThat(http.get().uri("/api/v1/exercises/wall-angels").retrieve().body(JsonNode.class).get("retired").asBoolean()).isTrue();
            assertThat(http.get().uri("/api/v1/exercises/" + platformMade).retrieve().toEntity(JsonNode.class).getStatusCode().value())
                    .isEqualTo(200);
        }

        try (var third = start(database, newerContentFile())) {
            RestClient http = TestHttp.client(port(third), TestIssuer.clinician("clinic-restart"));
            var catCow = http.get().uri("/api/v1/exercises/cat-cow").retrieve().toEntity(JsonNode.class);
            assertThat(catCow.getHeaders().getETag()).isEqualTo("\"3\"");
            assertThat(catCow.getBody().get("name").asString()).isEqualTo("Cat-Cow, revised");
            assertThat(catCow.getBody().get("contentVersion").asInt()).isEqualTo(2);
            var wallAngels = http.get().uri("/api/v1/exercises/wall-angels").retrieve().body(JsonNode.class);
            assertThat(wallAngels.get("retired").asBoolean()).isTrue();
            assertThat(wallAngels.get("contentVersion").asInt()).isEqualTo(2);
            assertThat(http.get().uri("/api/v1/exercises?size=100").retrieve().body(JsonNode.class).get("totalItems").asInt())
                    .isEqualTo(16); // 16 built-in, one retired, one made by the administrator
        }

        try (var kafka = new KafkaTestClient(EmbeddedKafka.bootstrapServers())) {
            assertThat(kafka.readUntil(Topics.CATALOG, r -> "cat-cow".equals(r.key()) && r.value().contains("Cat-Cow, revised"),
                    Duration.ofSeconds(30))).isNotEmpty();
        }
    }

    /** The shipped file as the next content version, with cat-cow's name revised. */
    String newerContentFile() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode content;
        try (InputStream in = CatalogServiceApplication.class.getResourceAsStream("/catalog/exercises.json")) {
            content = (ObjectNode) json.readTree(in);
        }
        content.put("contentVersion", content.get("contentVersion").asInt() + 1);
        content.get("exercises").forEach(e -> {
            if ("cat-cow".equals(e.get("id").asString())) {
                ((ObjectNode) e).put("name", "Cat-Cow, revised");
            }
        });
        Path file = files.resolve("exercises-v2.json");
        Files.writeString(file, json.writeValueAsString(content));
        return file.toUri().toString();
    }

    static ConfigurableApplicationContext start(String database, String content) {
        String issuer = TestIssuer.get().issuer();
        return new SpringApplicationBuilder(CatalogServiceApplication.class).run("--server.port=0",
                "--spring.mongodb.uri=" + EmbeddedMongo.connectionString(), "--spring.mongodb.database=" + database,
                "--spring.kafka.bootstrap-servers=" + EmbeddedKafka.bootstrapServers(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer + "/oauth2/jwks",
                "--spring.security.oauth2.resourceserver.jwt.audiences=" + TokenClaims.AUDIENCE,
                "--backtrack.catalog.content=" + content);
    }

    static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    static ResponseEntity<JsonNode> send(RestClient http, HttpMethod method, String uri, String ifMatch, String body) {
        var request = http.method(method).uri(uri);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }
}
