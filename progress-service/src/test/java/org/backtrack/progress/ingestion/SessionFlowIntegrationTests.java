package org.backtrack.progress.ingestion;

import org.backtrack.events.Topics;
import org.backtrack.testsupport.KafkaTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Session events produced by a plain Kafka client, as an integrator would, travel into MongoDB and back out of
 * the progress API. Runs on the embedded servers and, where Docker runs, on real containers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SessionFlowIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    KafkaTestClient kafka;
    RestClient http;
    String patientId;

    @BeforeEach
    void setUp() {
        kafka = new KafkaTestClient(bootstrapServers);
        http = RestClient.create("http://localhost:" + port);
        patientId = "patient-" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    String event(String eventId, String sessionId, String time, int painBefore, int painAfter) {
        return """
                {"specversion":"1.0","id":"%s","source":"/test","type":"backtrack.session.completed.v1",
                 "subject":"%s","time":"%s","datacontenttype":"application/json",
                 "data":{"sessionId":"%s","clinicId":"clinic-it","patientId":"%s",
                         "completedAt":"2026-11-20T07:31:00Z","painBefore":%d,"painAfter":%d}}"""
                .formatted(eventId, patientId, time, patientId + "-" + sessionId, patientId, painBefore, painAfter);
    }

    JsonNode progress() {
        return http.get().uri("/api/v1/patients/{id}/progress", patientId).retrieve().body(JsonNode.class);
    }

    void awaitSessionCount(int count) {
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(progress().get("sessionCount").asInt()).isEqualTo(count));
    }

    @Test
    void anEventOnTheTopicShowsUpInTheProgressApi() {
        kafka.send(Topics.SESSIONS, patientId, event("e-1", "s-1", "2026-11-20T07:31:00Z", 6, 4));

        awaitSessionCount(1);
        JsonNode progress = progress();
        assertThat(progress.get("clinicId").asString()).isEqualTo("clinic-it");
        assertThat(progress.get("status").asString()).isEqualTo("INSUFFICIENT_DATA");
        JsonNode point = progress.get("series").get(0);
        assertThat(point.get("sessionId").asString()).isEqualTo(patientId + "-s-1");
        assertThat(point.get("painBefore").asInt()).isEqualTo(6);
        assertThat(point.get("painAfter").asInt()).isEqualTo(4);
    }

    @Test
    void theSameEventTwiceCountsOnceAndACorrectionReplacesTheSession() {
        kafka.send(Topics.SESSIONS, patientId, event("e-1", "s-1", "2026-11-20T07:31:00Z", 6, 4));
        kafka.send(Topics.SESSIONS, patientId, event("e-1", "s-1", "2026-11-20T07:31:00Z", 6, 4));
        kafka.send(Topics.SESSIONS, patientId, event("e-2", "s-2", "2026-11-20T07:31:00Z", 5, 5));
        awaitSessionCount(2);

        kafka.send(Topics.SESSIONS, patientId, event("e-3", "s-1", "2026-11-20T09:00:00Z", 6, 2)); // correction
        kafka.send(Topics.SESSIONS, patientId, event("e-0", "s-1", "2026-11-20T07:00:00Z", 9, 9)); // older, late
        kafka.send(Topics.SESSIONS, patientId, event("e-1", "s-1", "2026-11-20T07:31:00Z", 6, 4)); // redelivery

        await().atMost(WAIT).untilAsserted(() -> assertThat(progress().get("series").findValues("painAfter"))
                .extracting(JsonNode::asInt).contains(2));
        // the stale and redelivered events behind the correction changed nothing
        kafka.send(Topics.SESSIONS, patientId, event("e-4", "s-3", "2026-11-20T10:00:00Z", 4, 3));
        awaitSessionCount(3);
        assertThat(progress().get("series").findValues("painAfter")).extracting(JsonNode::asInt).containsExactlyInAnyOrder(2, 5, 3);
    }

    @Test
    void aMalformedEventIsDeadLetteredWithItsReasonAndTheConsumerCarriesOn() {
        String bad = event("e-bad", "s-bad", "2026-11-20T07:31:00Z", 11, 4);
        kafka.send(Topics.SESSIONS, patientId, bad);
        kafka.send(Topics.SESSIONS, patientId, "{not json");
        kafka.send(Topics.SESSIONS, patientId, event("e-good", "s-good", "2026-11-20T07:31:00Z", 3, 2));

        awaitSessionCount(1);
        var deadLetters = kafka.readUntil(Topics.SESSIONS_DLT,
                r -> patientId.equals(r.key()) && r.value().startsWith("{not json"), WAIT);
        var mine = deadLetters.stream().filter(r -> patientId.equals(r.key())).toList();
        assertThat(mine).hasSize(2);
        assertThat(mine.get(0).value()).isEqualTo(bad); // the original bytes, untouched
        assertThat(mine.get(0).headers().get(KafkaConfiguration.REASON_HEADER)).contains("data.painBefore");
        assertThat(mine.get(0).headers()).containsKey("kafka_dlt-exception-message");
        assertThat(mine.get(1).headers().get(KafkaConfiguration.REASON_HEADER)).contains("not valid JSON");
    }

    @Test
    void anUnknownPatientIsAProblemDocument() {
        assertThatThrownBy(this::progress).isInstanceOfSatisfying(HttpClientErrorException.NotFound.class, e -> {
            assertThat(e.getResponseHeaders().getContentType().toString()).isEqualTo("application/problem+json");
            assertThat(e.getResponseBodyAsString()).contains(patientId);
        });
    }

    @Test
    void clinicOverviewListsThePatientAndRejectsAnUnknownStatus() {
        kafka.send(Topics.SESSIONS, patientId, event("e-1", "s-1", "2026-11-20T07:31:00Z", 6, 4));
        awaitSessionCount(1);

        JsonNode overview = http.get().uri("/api/v1/clinics/clinic-it/patients?status=INSUFFICIENT_DATA").retrieve().body(JsonNode.class);
        assertThat(overview.findValues("patientId")).extracting(JsonNode::asString).contains(patientId);
        assertThatThrownBy(() -> http.get().uri("/api/v1/clinics/clinic-it/patients?status=SOMEWHAT_BETTER").retrieve().body(String.class))
                .isInstanceOfSatisfying(HttpClientErrorException.BadRequest.class,
                        e -> assertThat(e.getResponseBodyAsString()).contains("status"));
    }
}
