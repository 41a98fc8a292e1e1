package org.backtrack.progress.webhooks;

import org.backtrack.events.Topics;
import org.backtrack.events.WebhookEndpointDisabled;
import org.backtrack.testsupport.Infrastructure;
import org.backtrack.testsupport.KafkaTestClient;
import org.backtrack.testsupport.PlainHttp;
import org.backtrack.testsupport.RunsOn;
import org.backtrack.testsupport.TestHttp;
import org.backtrack.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.backtrack.testsupport.TestDefaults.JSON;
import static org.backtrack.testsupport.OutsideTools.assumeInstalled;

/**
 * Webhooks end to end, on the embedded KRaft broker and MongoDB-wire server, against a REAL receiver process that
 * verifies every request with the npm {@code standardwebhooks} package (an implementation independent of ours):
 * two clinics' events reach only their own endpoints; a receiver stopped for a while gets its deliveries by retry; a
 * redelivery carries the same {@code webhook-id}; after a rotation deliveries verify with the new secret and, during
 * the grace, with the old one; an endpoint that fails every attempt is disabled and its clinic told by an event. The
 * retry schedule here is seconds (test properties), the disable rule two exhausted deliveries.
 */
@RunsOn(Infrastructure.EMBEDDED)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "backtrack.webhooks.disable-after-exhausted=2", "backtrack.webhooks.disable-after-failing=0s",
        "backtrack.alerts.sweep.enabled=false"})
class WebhookDeliveryIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(45);
    static final List<String> SESSIONS_AND_STATUS = List.of("backtrack.session.completed.v1", "backtrack.progress.status-changed.v1",
            "backtrack.program.changed.v1");

    @LocalServerPort
    int port;
    @Autowired
    KafkaTestClient kafka;

    Receiver receiver;
    String clinicA;
    String clinicB;

    @BeforeEach
    void setUp() throws Exception {
        assumeInstalled(Receiver::available, "node or the standardwebhooks package is missing (.ci/run installs it into .ci/tools)");
        receiver = new Receiver(PlainHttp.freePort());
        receiver.start();
        String run = UUID.randomUUID().toString().substring(0, 8);
        clinicA = "clinic-wh-a-" + run;
        clinicB = "clinic-wh-b-" + run;
    }

    @AfterEach
    void tearDown() throws Exception {
        if (receiver != null) {
            receiver.close();
        }
    }

    RestClient admin(String clinic) {
        return TestHttp.client(port, TestIssuer.clinicAdmin(clinic));
    }

    ResponseEntity<JsonNode> subscribe(RestClient as, String url, List<String> types) {
        return as.post().uri("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("url", url, "eventTypes", types, "description", "test receiver")).retrieve().toEntity(JsonNode.class);
    }

    String session(String clinic, String eventId, String patient) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return """
                {"specversion":"1.0","id":"%s","source":"/test","type":"backtrack.session.completed.v1","subject":"%s",
                 "time":"%s","datacontenttype":"application/json",
                 "data":{"sessionId":"s-%s","clinicId":"%s","patientId":"%s","completedAt":"%s","painBefore":5,"painAfter":4}}"""
                .formatted(eventId, patient, now, eventId, clinic, patient, now.minusSeconds(60));
    }

    static String program(String clinic, String eventId, String patient, String stage) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return """
                {"specversion":"1.0","id":"%s","source":"/routine-service","type":"backtrack.program.changed.v1","subject":"%s",
                 "time":"%s","datacontenttype":"application/json",
                 "data":{"clinicId":"%s","patientId":"%s","stage":"%s","focusRegions":[],"proposals":[],"changedBy":"dr.test",
                         "changedAt":"%s","version":1}}"""
                .formatted(eventId, patient, now, clinic, patient, stage, now);
    }

    void log(String clinic, String patient, String eventId) {
        kafka.send(Topics.SESSIONS, patient, session(clinic, eventId, patient));
    }

    List<JsonNode> verifiedOn(String path, String eventId) throws Exception {
        return receiver.receivedOn(path).stream().filter(r -> r.get("verified").asBoolean() && eventId.equals(r.get("eventId").asString(""))).toList();
    }

    JsonNode deliveryOf(RestClient as, String webhookId, String eventId) {
        JsonNode page = as.get().uri("/api/v1/webhooks/{id}/deliveries?size=200", webhookId).retrieve().body(JsonNode.class);
        for (JsonNode delivery : page) {
            if (eventId.equals(delivery.get("eventId").asString())) {
                return delivery;
            }
        }
        return null;
    }

    @Test
    void eachClinicsEventsReachItsOwnEndpointSignedThroughOutagesRedeliveriesAndRotations() throws Exception {
        long started = System.nanoTime();
        // an endpoint that never answers (nothing listens on its port): exhausted twice, then disabled
        String clinicC = clinicA.replace("-a-", "-c-");
        var dead = subscribe(admin(clinicC), "http://127.0.0.1:" + PlainHttp.freePort() + "/dead", List.of("backtrack.session.completed.v1"));
        assertThat(dead.getStatusCode().value()).isEqualTo(201);
        String deadId = dead.getBody().get("id").asString();
        log(clinicC, "patient-c1", "c-1-" + clinicC);
        log(clinicC, "patient-c2", "c-2-" + clinicC);

        // clinic A's administrator and clinic B's integration client subscribe the same receiver on their own paths
        var a = subscribe(admin(clinicA), receiver.url("/a"), SESSIONS_AND_STATUS);
        assertThat(a.getStatusCode().value()).as(String.valueOf(a.getBody())).isEqualTo(201);
        assertThat(a.getHeaders().getLocation().toString()).endsWith("/api/v1/webhooks/" + a.getBody().get("id").asString());
        String idA = a.getBody().get("id").asString();
        String secretA = a.getBody().get("secret").asString();
        assertThat(secretA).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(secretA.substring(6))).hasSizeGreaterThanOrEqualTo(24);
        RestClient integrationB = TestHttp.client(port, TestIssuer.integration(clinicB));
        var b = subscribe(integrationB, receiver.url("/b"), List.of("backtrack.session.completed.v1"));
        assertThat(b.getStatusCode().value()).isEqualTo(201);
        String secretB = b.getBody().get("secret").asString();
        receiver.secrets(Map.of("/a", List.of(secretA), "/b", List.of(secretB)));
        // the secret is shown once: never in a read
        assertThat(admin(clinicA).get().uri("/api/v1/webhooks/{id}", idA).retrieve().body(String.class)).doesNotContain(secretA, "secret");

        // sessions of both clinics (the same patient id in each)
        log(clinicA, "patient-1", "a-1-" + clinicA);
        log(clinicA, "patient-1", "a-1-" + clinicA); // the same event again (a producer's retry): one delivery
        log(clinicB, "patient-1", "b-1-" + clinicB);
        log(clinicA, "patient-2", "a-2-" + clinicA);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(verifiedOn("/a", "a-1-" + clinicA)).isNotEmpty();
            assertThat(verifiedOn("/a", "a-2-" + clinicA)).isNotEmpty();
            assertThat(verifiedOn("/b", "b-1-" + clinicB)).isNotEmpty();
        });
        // exactly its own clinic's events, every request verified, structured CloudEvents
        assertThat(receiver.receivedOn("/a")).allSatisfy(r -> {
            assertThat(r.get("verified").asBoolean()).as(r.toString()).isTrue();
            assertThat(r.get("clinicId").asString()).isEqualTo(clinicA);
            assertThat(r.get("contentType").asString()).startsWith("application/cloudevents+json");
            assertThat(r.get("id").asString()).startsWith("msg_");
        });
        assertThat(receiver.receivedOn("/b")).allSatisfy(r -> assertThat(r.get("clinicId").asString()).isEqualTo(clinicB));
        assertThat(receiver.receivedOn("/b")).extracting(r -> r.get("type").asString()).containsOnly("backtrack.session.completed.v1");

        // a program change on backtrack.programs reaches its clinic's endpoint; one breaking the contract is dead-lettered
        kafka.send(Topics.PROGRAMS, "patient-1", program(clinicA, "p-1-" + clinicA, "patient-1", "DEEPER"));
        kafka.send(Topics.PROGRAMS, "patient-bad", program(clinicA, "p-bad-" + clinicA, "patient-bad", "NO_SUCH_STAGE"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(verifiedOn("/a", "p-1-" + clinicA)).hasSize(1)
                .allSatisfy(r -> assertThat(r.get("type").asString()).isEqualTo("backtrack.program.changed.v1")));
        var deadProgram = kafka.readUntil(Topics.PROGRAMS_DLT, r -> r.value().contains("p-bad-" + clinicA), WAIT);
        assertThat(deadProgram).anySatisfy(r -> assertThat(r.headers().get(org.backtrack.events.DeadLetterContent.REASON_HEADER))
                .contains("data.stage"));

        // the receiver goes away: attempts fail and are retried; back again, the delivery arrives
        receiver.stop();
        log(clinicA, "patient-3", "a-3-" + clinicA); // a patient with nothing ahead of it
        log(clinicA, "patient-3", "a-3b-" + clinicA); // the same patient's next session: waits for the first
        RestClient adminA = admin(clinicA);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode delivery = deliveryOf(adminA, idA, "a-3-" + clinicA);
            assertThat(delivery).isNotNull();
            assertThat(delivery.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(delivery.get("status").asString()).isIn("PENDING", "SENDING");
            assertThat(delivery.get("lastError").asString("")).isNotEmpty();
            JsonNode next = deliveryOf(adminA, idA, "a-3b-" + clinicA);
            assertThat(next).isNotNull();
            assertThat(next.get("attempts").asInt()).as("held behind the patient's earlier delivery").isZero();
        });
        receiver.start();
        await().atMost(WAIT).untilAsserted(() -> assertThat(verifiedOn("/a", "a-3b-" + clinicA)).isNotEmpty());
        List<String> arrivalOrder = receiver.receivedOn("/a").stream().map(r -> r.get("eventId").asString("")).toList();
        assertThat(arrivalOrder.indexOf("a-3-" + clinicA)).as("one patient's events in order").isNotNegative()
                .isLessThan(arrivalOrder.indexOf("a-3b-" + clinicA));
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode delivery = deliveryOf(adminA, idA, "a-3-" + clinicA);
            assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
            assertThat(delivery.get("responseCode").asInt()).isEqualTo(204);
        });

        // a redelivery re-sends with the same webhook-id
        JsonNode first = deliveryOf(adminA, idA, "a-1-" + clinicA);
        String webhookId = verifiedOn("/a", "a-1-" + clinicA).get(0).get("id").asString();
        assertThat(first.get("id").asString()).isEqualTo(webhookId);
        var redelivered = adminA.post().uri("/api/v1/webhooks/{id}/deliveries/{d}/redeliver", idA, webhookId).retrieve().toEntity(JsonNode.class);
        assertThat(redelivered.getStatusCode().value()).isEqualTo(202);
        await().atMost(WAIT).untilAsserted(() -> assertThat(verifiedOn("/a", "a-1-" + clinicA)).hasSizeGreaterThanOrEqualTo(2)
                .extracting(r -> r.get("id").asString()).containsOnly(webhookId));
        // the event read twice from Kafka made one delivery
        JsonNode all = adminA.get().uri("/api/v1/webhooks/{id}/deliveries?size=200", idA).retrieve().body(JsonNode.class);
        long ofFirst = java.util.stream.StreamSupport.stream(all.spliterator(), false)
                .filter(d -> ("a-1-" + clinicA).equals(d.get("eventId").asString())).count();
        assertThat(ofFirst).isEqualTo(1);

        // rotation: the new secret verifies at once; the old one still does during the grace (both signatures sent)
        JsonNode rotated = adminA.post().uri("/api/v1/webhooks/{id}/rotate-secret", idA).retrieve().body(JsonNode.class);
        String newSecret = rotated.get("secret").asString();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(secretA);
        assertThat(Instant.parse(rotated.get("previousSecretValidUntil").asString())).isAfter(Instant.now().plus(Duration.ofHours(23)));
        receiver.secrets(Map.of("/a", List.of(newSecret), "/b", List.of(secretB)));
        log(clinicA, "patient-2", "a-4-" + clinicA);
        await().atMost(WAIT).untilAsserted(() -> assertThat(verifiedOn("/a", "a-4-" + clinicA)).isNotEmpty());
        assertThat(verifiedOn("/a", "a-4-" + clinicA).get(0).get("signatures").asInt()).isEqualTo(2);
        receiver.secrets(Map.of("/a", List.of(secretA), "/b", List.of(secretB)));
        log(clinicA, "patient-2", "a-5-" + clinicA);
        await().atMost(WAIT).untilAsserted(() -> assertThat(verifiedOn("/a", "a-5-" + clinicA)).isNotEmpty());

        // the dead endpoint: every attempt failed, twice exhausted, so disabled, and its clinic told by an event
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode webhook = admin(clinicC).get().uri("/api/v1/webhooks/{id}", deadId).retrieve().body(JsonNode.class);
            assertThat(webhook.get("enabled").asBoolean()).isFalse();
            assertThat(webhook.get("disabledReason").asString()).contains("2 deliveries in a row");
        });
        var told = kafka.readUntil(Topics.PROGRESS, r -> r.value().contains(WebhookEndpointDisabled.TYPE) && r.value().contains(deadId),
                Duration.ofSeconds(20));
        JsonNode event = JSON.readTree(told.get(told.size() - 1).value());
        assertThat(event.get("type").asString()).isEqualTo(WebhookEndpointDisabled.TYPE);
        assertThat(event.get("data").get("clinicId").asString()).isEqualTo(clinicC);
        assertThat(told.get(told.size() - 1).key()).isEqualTo(clinicC);
        JsonNode deadDeliveries = admin(clinicC).get().uri("/api/v1/webhooks/{id}/deliveries", deadId).retrieve().body(JsonNode.class);
        assertThat(deadDeliveries).hasSize(2).allSatisfy(d -> {
            assertThat(d.get("status").asString()).isEqualTo("FAILED");
            assertThat(d.get("attempts").asInt()).isEqualTo(10);
        });
        // enabled again by its clinic
        JsonNode enabled = admin(clinicC).patch().uri("/api/v1/webhooks/{id}", deadId).contentType(MediaType.APPLICATION_JSON)
                .body("{\"enabled\":true}").retrieve().body(JsonNode.class);
        assertThat(enabled.get("enabled").asBoolean()).isTrue();
        assertThat(enabled.has("disabledReason") && !enabled.get("disabledReason").isNull()).isFalse();
        System.out.printf("webhook scenario: %d ms%n", Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    @Test
    void aWebhookIsItsClinicsAloneAndOnlyAdministratorsAndIntegrationsManageIt() {
        var created = subscribe(admin(clinicA), receiver.url("/iso"), List.of("backtrack.session.completed.v1"));
        String id = created.getBody().get("id").asString();
        RestClient otherAdmin = admin(clinicB);
        RestClient otherIntegration = TestHttp.client(port, TestIssuer.integration(clinicB));
        for (RestClient foreign : List.of(otherAdmin, otherIntegration)) {
            assertThat(foreign.get().uri("/api/v1/webhooks/{id}", id).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(404);
            assertThat(foreign.patch().uri("/api/v1/webhooks/{id}", id).contentType(MediaType.APPLICATION_JSON).body("{\"enabled\":false}")
                    .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(404);
            assertThat(foreign.post().uri("/api/v1/webhooks/{id}/rotate-secret", id).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(404);
            assertThat(foreign.get().uri("/api/v1/webhooks/{id}/deliveries", id).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(404);
            assertThat(foreign.post().uri("/api/v1/webhooks/{id}/deliveries/msg_0/redeliver", id).retrieve().toBodilessEntity()
                    .getStatusCode().value()).isEqualTo(404);
            assertThat(foreign.delete().uri("/api/v1/webhooks/{id}", id).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(404);
            assertThat(foreign.get().uri("/api/v1/webhooks").retrieve().body(String.class)).doesNotContain(id);
        }
        for (String token : List.of(TestIssuer.clinician(clinicA), TestIssuer.patient(clinicA, "patient-1"), TestIssuer.platformAdmin())) {
            RestClient outsider = TestHttp.client(port, token);
            assertThat(outsider.get().uri("/api/v1/webhooks/{id}", id).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(403);
            assertThat(subscribe(outsider, receiver.url("/x"), List.of("backtrack.session.completed.v1")).getStatusCode().value()).isEqualTo(403);
        }
        assertThat(admin(clinicA).get().uri("/api/v1/webhooks").retrieve().body(String.class)).contains(id);
        assertThat(admin(clinicA).delete().uri("/api/v1/webhooks/{id}", id).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(204);
        assertThat(admin(clinicA).get().uri("/api/v1/webhooks/{id}", id).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(404);
    }

    @Autowired
    Deliveries deliveries;

    /** Several instances claim from the same collection: one claim per lease, taken back only once the lease ran out. */
    @Test
    void aDueDeliveryIsClaimedByOneSenderAtATimeAndTakenBackOnlyAfterItsLease() {
        String subscription = "wh_claims_" + UUID.randomUUID().toString().substring(0, 8);
        Instant due = Instant.now().plus(Duration.ofDays(1)); // far ahead: this instance's own sender leaves it alone
        StoredDelivery owed = new StoredDelivery(org.backtrack.progress.webhooks.rules.DeliveryIdentity.of(subscription, "e-1"),
                "clinic-x/" + subscription, subscription, "clinic-x", "patient-1", 1, "e-1", "backtrack.session.completed.v1", "{}",
                DeliveryStatus.PENDING, 0, due, null, null, null, null, null, Instant.now(), null);
        deliveries.insertAbsent(List.of(owed));
        deliveries.insertAbsent(List.of(owed)); // a Kafka redelivery: no second delivery, nothing reset
        Duration lease = Duration.ofSeconds(60);
        var first = deliveries.claim(owed, due, due.plus(lease), "instance-a");
        assertThat(first).isPresent();
        assertThat(deliveries.claim(owed, due.plusSeconds(30), due.plusSeconds(30).plus(lease), "instance-b")).as("within the lease").isEmpty();
        var takenBack = deliveries.claim(owed, due.plus(lease).plusSeconds(1), due.plus(lease).plusSeconds(61), "instance-b");
        assertThat(takenBack).as("after the lease: its sender died").isPresent();
        // the first sender's late result changes nothing: its claim is gone
        deliveries.delivered(first.get(), 204, due.plusSeconds(90));
        assertThat(deliveries.find(subscription, owed.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.SENDING);
        deliveries.delivered(takenBack.get(), 204, due.plusSeconds(91));
        assertThat(deliveries.find(subscription, owed.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
        deliveries.deleteAllOf(subscription);
    }

    @Test
    void theOpenApiDocumentHasEveryWebhookOperationForAdministratorsAndIntegrationsOnly() throws Exception {
        String document = TestHttp.client(port).get().uri("/v3/api-docs").retrieve().body(String.class);
        // kept for a look or a lint (redocly lint target/webhooks-api-docs.json)
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/webhooks-api-docs.json"), document);
        JsonNode paths = JSON.readTree(document).get("paths");
        Map<String, List<String>> expected = Map.of("/api/v1/webhooks", List.of("get", "post"),
                "/api/v1/webhooks/{id}", List.of("get", "patch", "delete"),
                "/api/v1/webhooks/{id}/rotate-secret", List.of("post"),
                "/api/v1/webhooks/{id}/deliveries", List.of("get"),
                "/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver", List.of("post"));
        expected.forEach((path, methods) -> methods.forEach(method -> {
            JsonNode operation = paths.path(path).path(method);
            assertThat(operation.isMissingNode()).as(method + " " + path).isFalse();
            assertThat(operation.get("x-backtrack-roles")).extracting(JsonNode::asString).as(method + " " + path)
                    .containsExactlyInAnyOrder("CLINIC_ADMIN", "INTEGRATION");
        }));
    }

    @Test
    void unsafeUrlsUnknownTypesAndTooManyWebhooksAreRefusedNamingTheField() {
        RestClient adminA = admin(clinicA);
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "https://169.254.169.254/", "http://[::ffff:127.0.0.1]:8080/",
                "https://[::ffff:127.0.0.1]/", "https://2130706433/", "https://10.0.0.7/hook", "https://user:pw@example.com/",
                "ftp://example.com/", "https://[fe80::1]/", "https://100.64.0.1/", "http://example.com/")) {
            var refused = subscribe(adminA, url, List.of("backtrack.session.completed.v1"));
            assertThat(refused.getStatusCode().value()).as(url).isEqualTo(400);
            assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat(refused.getBody().get("errors").get(0).get("field").asString()).as(url).isEqualTo("url");
        }
        var unknown = subscribe(adminA, receiver.url("/t"), List.of("backtrack.session.deleted.v1"));
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(unknown.getBody().get("errors").get(0).get("field").asString()).isEqualTo("eventTypes");
        String created = subscribe(adminA, receiver.url("/t"), List.of("backtrack.session.completed.v1")).getBody().get("id").asString();
        var badPatch = adminA.patch().uri("/api/v1/webhooks/{id}", created).contentType(MediaType.APPLICATION_JSON)
                .body("{\"url\":\"https://192.168.1.1/\"}").retrieve().toEntity(JsonNode.class);
        assertThat(badPatch.getStatusCode().value()).isEqualTo(400);
        assertThat(badPatch.getBody().get("errors").get(0).get("field").asString()).isEqualTo("url");
        // at most 20 per clinic
        RestClient adminB = admin(clinicB);
        Set<Integer> answers = new java.util.TreeSet<>();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            statuses.add(subscribe(adminB, receiver.url("/n" + i), List.of("backtrack.session.completed.v1")).getStatusCode().value());
        }
        answers.addAll(statuses);
        assertThat(statuses.subList(0, 20)).containsOnly(201);
        assertThat(statuses.get(20)).isEqualTo(409);
        assertThat(answers.stream().map(String::valueOf).collect(Collectors.joining(","))).isEqualTo("201,409");
    }
}
