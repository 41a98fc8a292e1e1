package org.backtrack.catalog;

import org.backtrack.events.Topics;
import org.backtrack.testsupport.EmbeddedMongo;
import org.backtrack.testsupport.KafkaTestClient;
import org.backtrack.testsupport.RestartableKafka;
import org.backtrack.testsupport.TestHttp;
import org.backtrack.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Catalog writes while the broker is away, on a real KRaft broker of the test's own that is stopped and started again:
 * every write answers within the publish timeout (202, event owed), and once the broker is back the owed events
 * arrive in the order of the changes. One partition, so the topic's order is the order of sending.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"backtrack.topics.partitions=1", "backtrack.catalog.relay-interval=1s"})
class CatalogBrokerOutageIntegrationTest {

    static final RestartableKafka KAFKA = RestartableKafka.start();
    static final String CLINIC = "clinic-outage";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", EmbeddedMongo::connectionString);
        registry.add("spring.mongodb.database", () -> "catalog-outage-" + UUID.randomUUID().toString().substring(0, 8));
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
        TestIssuer.register(registry);
    }

    @AfterAll
    static void stopKafka() {
        KAFKA.close();
    }

    @LocalServerPort
    int port;
    @Value("${backtrack.catalog.publish-timeout}")
    Duration publishTimeout;

    @Test
    void writesAnswerWithinThePublishTimeoutAndTheirEventsArriveInOrderOnceTheBrokerIsBack() {
        RestClient http = TestHttp.client(port, TestIssuer.clinician(CLINIC));
        String before = CLINIC + ".before-outage";
        assertThat(write(http, HttpMethod.POST, "/api/v1/exercises", null, CatalogIntegrationTests.DRAFT.formatted("before-outage"))
                .getStatusCode().value()).isEqualTo(201);

        KAFKA.stopBroker();
        String a = CLINIC + ".during-a";
        String b = CLINIC + ".during-b";
        var createdA = timed(() -> write(http, HttpMethod.POST, "/api/v1/exercises", null, CatalogIntegrationTests.DRAFT.formatted("during-a")));
        var createdB = timed(() -> write(http, HttpMethod.POST, "/api/v1/exercises", null, CatalogIntegrationTests.DRAFT.formatted("during-b")));
        var editedA = timed(() -> write(http, HttpMethod.PUT, "/api/v1/exercises/" + a, "\"1\"",
                CatalogIntegrationTests.DRAFT.formatted("during-a").replace("Supported Cat-Cow", "Edited while away")));
        var retired = timed(() -> write(http, HttpMethod.DELETE, "/api/v1/exercises/" + before, "\"1\"", null));
        for (var answer : List.of(createdA, createdB, editedA, retired)) {
            assertThat(answer.response().getStatusCode().value()).isEqualTo(202);
            // the timeout, plus the request's own MongoDB writes on a busy two-core machine
            assertThat(answer.took()).isLessThan(publishTimeout.plusMillis(1500));
        }
        System.out.printf("writes while the broker was away answered 202 in %s ms (publish timeout %d ms)%n",
                List.of(createdA, createdB, editedA, retired).stream().map(t -> t.took().toMillis()).toList(), publishTimeout.toMillis());
        assertThat(createdA.response().getHeaders().getLocation()).hasToString("/api/v1/exercises/" + a);
        assertThat(editedA.response().getHeaders().getETag()).isEqualTo("\"2\"");
        // stored: readable while the events are owed
        assertThat(http.get().uri("/api/v1/exercises/" + a).retrieve().body(JsonNode.class).get("name").asString())
                .isEqualTo("Edited while away");

        KAFKA.startBroker();
        long restarted = System.nanoTime();
        try (var kafka = new KafkaTestClient(KAFKA.bootstrapServers())) {
            var records = kafka.readUntil(Topics.CATALOG, r -> before.equals(r.key()) && r.value().contains("exercise-retired"),
                    Duration.ofSeconds(60));
            System.out.printf("owed events arrived %d ms after the broker was back%n",
                    Duration.ofNanos(System.nanoTime() - restarted).toMillis());
            // at least once: a redelivery repeats an event id; the first arrival of each event counts
            Map<String, String> byEventId = new LinkedHashMap<>();
            JsonMapper json = JsonMapper.builder().build();
            for (var record : records) {
                if (Set.of(a, b, before).contains(record.key())) {
                    JsonNode event = json.readTree(record.value());
                    byEventId.putIfAbsent(event.get("id").asString(), record.key() + " " + event.get("type").asString()
                            .replace("backtrack.catalog.exercise-", "").replace(".v1", "") + " v" + event.get("data").get("version").asLong());
                }
            }
            assertThat(byEventId.values()).containsExactly(
                    before + " upserted v1",  // acknowledged before the outage
                    b + " upserted v1",       // owed, oldest first; a's first version was superseded by its edit
                    a + " upserted v2",
                    before + " retired v2");
        }
    }

    record Timed(ResponseEntity<JsonNode> response, Duration took) {
    }

    static Timed timed(java.util.function.Supplier<ResponseEntity<JsonNode>> call) {
        long started = System.nanoTime();
        var response = call.get();
        return new Timed(response, Duration.ofNanos(System.nanoTime() - started));
    }

    static ResponseEntity<JsonNode> write(RestClient http, HttpMethod method, String uri, String ifMatch, String body) {
        return BuiltInContentRestartIntegrationTest.send(http, method, uri, ifMatch, body);
    }
}
