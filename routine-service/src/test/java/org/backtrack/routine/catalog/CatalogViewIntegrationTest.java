package org.backtrack.routine.catalog;

import org.backtrack.events.CatalogEventTypes;
import org.backtrack.events.CatalogExerciseChanged;
import org.backtrack.events.DeadLetterContent;
import org.backtrack.events.Topics;
import org.backtrack.routine.RoutineServiceApplication;
import org.backtrack.routine.composition.CatalogEntry;
import org.backtrack.routine.composition.ShippedCatalog;
import org.backtrack.security.TokenClaims;
import org.backtrack.testsupport.EmbeddedKafka;
import org.backtrack.testsupport.EmbeddedMongo;
import org.backtrack.testsupport.Infrastructure;
import org.backtrack.testsupport.KafkaTestClient;
import org.backtrack.testsupport.RunsOn;
import org.backtrack.testsupport.TestHttp;
import org.backtrack.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The catalog view through a real broker: catalog changes on {@code backtrack.catalog} reach routine composition
 * while the service runs (catalog-service is unreachable here, so composition uses the view), redelivered and older
 * versions change nothing, a record that breaks the contract is dead-lettered with the reason, another clinic never
 * sees a clinic's exercises, and a service started afterwards begins from the snapshot the topic holds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"backtrack.catalog.url=http://127.0.0.1:1", "backtrack.catalog.timeout=2s"})
@RunsOn(Infrastructure.EMBEDDED)
class CatalogViewIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String REQUEST = "{\"patientId\":\"p-view\",\"minutes\":10,\"timeOfDay\":\"MORNING\",\"stage\":\"BASIC\","
            + "\"focusRegions\":[\"LOWER_BACK\"]}";

    @LocalServerPort
    int port;

    final String clinic = "clinic-view-" + UUID.randomUUID().toString().substring(0, 8);

    ResponseEntity<JsonNode> compose(int atPort, String clinicId) {
        return TestHttp.client(atPort, TestIssuer.clinician(clinicId)).post().uri("/api/v1/routines")
                .contentType(MediaType.APPLICATION_JSON).body(REQUEST).retrieve().toEntity(JsonNode.class);
    }

    List<String> composedNames(int atPort) {
        ResponseEntity<JsonNode> routine = compose(atPort, clinic);
        assertThat(routine.getStatusCode().value()).isEqualTo(201);
        assertThat(routine.getBody().get("catalogSource").asString()).isEqualTo("LOCAL_COPY");
        return routine.getBody().get("plan").get("items").findValues("name").stream().map(JsonNode::asString).toList();
    }

    @Test
    void catalogChangesReachCompositionWithoutARestartAndARestartStartsFromTheSnapshot() {
        assertThat(compose(port, clinic).getStatusCode().value()).as("nothing in the view for the clinic yet").isEqualTo(503);
        List<CatalogExerciseChanged> published = ShippedCatalog.ENTRIES.stream()
                .map(entry -> CatalogFeed.exercise(entry, clinic + "." + entry.id(), clinic, entry.name(), 1)).toList();
        try (var kafka = new KafkaTestClient(EmbeddedKafka.bootstrapServers())) {
            published.forEach(exercise -> CatalogFeed.publish(kafka, exercise));
            await().atMost(WAIT).untilAsserted(() -> assertThat(composedNames(port)).isNotEmpty());

            String first = composedNames(port).get(0);
            CatalogExerciseChanged chosen = published.stream().filter(e -> e.name().equals(first)).findFirst().orElseThrow();
            CatalogEntry entry = ShippedCatalog.byId(chosen.id().substring(clinic.length() + 1));
            CatalogExerciseChanged renamed = CatalogFeed.exercise(entry, chosen.id(), clinic, first + ", slower", 3);
            CatalogFeed.publish(kafka, renamed);
            await().atMost(WAIT).untilAsserted(() -> assertThat(composedNames(port)).contains(first + ", slower").doesNotContain(first));

            // an older version and a redelivery, then a broken record on the same key (same partition, so read after them)
            CatalogFeed.publish(kafka, CatalogFeed.exercise(entry, chosen.id(), clinic, first + ", older", 2));
            CatalogFeed.publish(kafka, renamed);
            String broken = "broken-" + clinic;
            kafka.send(Topics.CATALOG, chosen.id(), """
                    {"specversion":"1.0","id":"%s","source":"/catalog-service","type":"%s","data":{"id":"%s","version":0}}"""
                    .formatted(broken, CatalogEventTypes.UPSERTED, chosen.id()));
            var deadLetter = kafka.readUntil(Topics.CATALOG_DLT, r -> r.value().contains(broken), WAIT).stream()
                    .filter(r -> r.value().contains(broken)).findFirst().orElseThrow();
            assertThat(deadLetter.headers().get(DeadLetterContent.REASON_HEADER)).contains("data.version");
            assertThat(composedNames(port)).contains(first + ", slower").doesNotContain(first, first + ", older");

            assertThat(compose(port, "other-" + clinic).getStatusCode().value())
                    .as("another clinic never composes from a clinic's exercises").isEqualTo(503);

            try (ConfigurableApplicationContext restarted = start()) {
                int restartedPort = restarted.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
                await().atMost(WAIT).untilAsserted(() -> assertThat(composedNames(restartedPort))
                        .as("the latest version from the snapshot, not the first or a late older one")
                        .contains(first + ", slower").doesNotContain(first, first + ", older"));

                CatalogFeed.publish(kafka, CatalogFeed.retired(renamed, 4));
                for (int atPort : new int[] {port, restartedPort}) {
                    await().atMost(WAIT).untilAsserted(() -> assertThat(composedNames(atPort)).isNotEmpty()
                            .doesNotContain(first, first + ", slower"));
                }
            }
        }
    }

    /** routine-service started again on the same broker, with a database of its own: only the topic can tell it the catalog. */
    static ConfigurableApplicationContext start() {
        String issuer = TestIssuer.get().issuer();
        return new SpringApplicationBuilder(RoutineServiceApplication.class).run("--server.port=0",
                "--spring.mongodb.uri=" + EmbeddedMongo.connectionString(),
                "--spring.mongodb.database=routine-view-" + UUID.randomUUID().toString().substring(0, 8),
                "--spring.kafka.bootstrap-servers=" + EmbeddedKafka.bootstrapServers(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer + "/oauth2/jwks",
                "--spring.security.oauth2.resourceserver.jwt.audiences=" + TokenClaims.AUDIENCE,
                "--backtrack.catalog.url=http://127.0.0.1:1", "--backtrack.catalog.timeout=2s",
                "--backtrack.progress.consumer-group=routine-service-view-" + UUID.randomUUID());
    }
}
