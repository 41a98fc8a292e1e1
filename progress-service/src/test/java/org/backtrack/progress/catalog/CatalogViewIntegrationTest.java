package org.backtrack.progress.catalog;

import org.backtrack.events.CatalogEventTypes;
import org.backtrack.events.CatalogExerciseChanged;
import org.backtrack.events.CloudEventFactory;
import org.backtrack.events.Topics;
import org.backtrack.progress.ProgressServiceApplication;
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
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.backtrack.testsupport.TestDefaults.JSON;

/**
 * The catalog view through a real broker, as progress suggestions use it: a patient whose improvement stopped on a
 * basic stretch is proposed the deeper stretches the view holds, and catalog changes on {@code backtrack.catalog}
 * change the proposal without a restart; a service started afterwards begins from the snapshot the topic holds.
 * The exercises are built-in ones of this test alone, retired at the end so no other test is proposed them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RunsOn(Infrastructure.EMBEDDED)
class CatalogViewIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final CloudEventFactory CATALOG = new CloudEventFactory("/catalog-service");
    static final String CLINIC = "clinic-view";

    @LocalServerPort
    int port;

    final String prefix = "view-" + UUID.randomUUID().toString().substring(0, 8);
    final String patientId = "patient-" + prefix;

    CatalogExerciseChanged exercise(String name, String stage, long version) {
        return new CatalogExerciseChanged(prefix + "-" + name, null, name, stage, "STATIC_HOLD", List.of("LOWER_BACK"), List.of(),
                List.of("MORNING"), new CatalogExerciseChanged.Dosage(30, 1, 2, false, null, 10), List.of(), List.of(), List.of(),
                List.of(), List.of(), version, false);
    }

    static CatalogExerciseChanged retired(CatalogExerciseChanged exercise, long version) {
        return CatalogExerciseChanged.retirement(exercise.id(), null, version);
    }

    static void publish(KafkaTestClient kafka, CatalogExerciseChanged exercise) {
        String type = exercise.retired() ? CatalogEventTypes.RETIRED : CatalogEventTypes.UPSERTED;
        kafka.send(Topics.CATALOG, exercise.id(), JSON.writeValueAsString(CATALOG.newEvent(type, exercise.id(), Instant.now(), exercise)));
    }

    /** 32 daily sessions up to yesterday: pain falling from 7 by 0.15 a day for 20 days, then flat; one basic stretch. */
    void sessionsOfAPlateau(KafkaTestClient kafka, String basicId) {
        Instant first = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(32)).plus(Duration.ofHours(7));
        for (int day = 0; day < 32; day++) {
            int before = (int) Math.round(7 - 0.15 * Math.min(day, 20));
            Instant at = first.plus(Duration.ofDays(day));
            kafka.send(Topics.SESSIONS, patientId, """
                    {"specversion":"1.0","id":"%s-e%d","source":"/test","type":"backtrack.session.completed.v1",
                     "subject":"%s","time":"%s","datacontenttype":"application/json",
                     "data":{"sessionId":"%s-s%d","clinicId":"%s","patientId":"%s","completedAt":"%s","painBefore":%d,
                             "painAfter":%d,"exercises":[{"exerciseId":"%s","completed":true,"holdSeconds":30}]}}"""
                    .formatted(patientId, day, patientId, at, patientId, day, CLINIC, patientId, at, before, Math.max(0, before - 1),
                            basicId));
        }
    }

    JsonNode suggestion() {
        JsonNode progress = TestHttp.client(port, TestIssuer.clinician(CLINIC)).get().uri("/api/v1/patients/{id}/progress", patientId)
                .retrieve().body(JsonNode.class);
        assertThat(progress.get("sessionCount").asInt()).isEqualTo(32);
        return progress.get("suggestion");
    }

    List<String> proposed() {
        JsonNode suggestion = suggestion();
        assertThat(suggestion.get("action").asString()).isEqualTo("PROGRESS_TO_DEEPER_STRETCHES");
        return suggestion.get("exercises").values().stream().map(JsonNode::asString).toList();
    }

    @Test
    void catalogChangesReachSuggestionsWithoutARestartAndARestartStartsFromTheSnapshot() {
        CatalogExerciseChanged basic = exercise("knee-hug", "BASIC", 1);
        CatalogExerciseChanged deeper = exercise("pigeon", "DEEPER", 1);
        CatalogExerciseChanged another = exercise("figure-four", "DEEPER", 1);
        try (var kafka = new KafkaTestClient(EmbeddedKafka.bootstrapServers())) {
            try {
                publish(kafka, basic);
                publish(kafka, deeper);
                sessionsOfAPlateau(kafka, basic.id());
                await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(proposed()).containsExactly(deeper.id()));

                publish(kafka, another);
                await().atMost(WAIT).untilAsserted(() -> assertThat(proposed()).containsExactlyInAnyOrder(deeper.id(), another.id()));
                publish(kafka, retired(deeper, 2));
                publish(kafka, deeper); // resent late: the retirement stays
                await().atMost(WAIT).untilAsserted(() -> assertThat(proposed()).containsExactly(another.id()));

                try (ConfigurableApplicationContext restarted = start()) {
                    CatalogSnapshot catalog = restarted.getBean(CatalogSnapshot.class);
                    await().atMost(WAIT).untilAsserted(() -> assertThat(catalog.current().byId())
                            .containsKeys(basic.id(), another.id()).doesNotContainKey(deeper.id()));
                }
            } finally {
                List.of(basic, deeper, another).forEach(e -> publish(kafka, retired(e, 9)));
            }
        }
    }

    /** progress-service started again on the same broker, with a database and consumer groups of its own. */
    static ConfigurableApplicationContext start() {
        String issuer = TestIssuer.get().issuer();
        String own = UUID.randomUUID().toString().substring(0, 8);
        return new SpringApplicationBuilder(ProgressServiceApplication.class).run("--server.port=0",
                "--spring.mongodb.uri=" + EmbeddedMongo.connectionString(), "--spring.mongodb.database=progress-view-" + own,
                "--spring.kafka.bootstrap-servers=" + EmbeddedKafka.bootstrapServers(),
                "--spring.kafka.consumer.group-id=progress-view-" + own, "--backtrack.ingress.group-id=progress-view-ingress-" + own,
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer + "/oauth2/jwks",
                "--spring.security.oauth2.resourceserver.jwt.audiences=" + TokenClaims.AUDIENCE);
    }
}
