package org.backtrack.progress.evaluation;

import org.backtrack.events.Topics;
import org.backtrack.testsupport.Infrastructure;
import org.backtrack.testsupport.KafkaTestClient;
import org.backtrack.testsupport.RunsOn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.backtrack.testsupport.TestDefaults.JSON;

/**
 * The evaluation harness: a labelled cohort of 350 synthetic patients goes through Kafka into a running
 * progress-service; what the service concludes is scored against the ground truth. Prints (and writes to
 * target/cohort-evaluation.md) precision and recall per status, detection delays and unsafe suggestions.
 * Run alone: {@code ./mvnw -pl progress-service test -Dtest=CohortEvaluationIntegrationTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RunsOn(Infrastructure.EMBEDDED)
class CohortEvaluationIntegrationTest {

    static final int PATIENTS = 350;

    @LocalServerPort
    int port;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void theRulesFindEveryStatusOfALabelledCohort() throws Exception {
        // sessions fall on the same UTC days whatever the hour the test runs, so its figures do not move with the clock
        Cohort cohort = Cohort.generate(PATIENTS, 20261123L, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS));
        RestClient http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + org.backtrack.testsupport.TestIssuer.clinician(Cohort.CLINIC)).build();
        Map<String, Integer> expectedCounts = new HashMap<>();
        cohort.truths.forEach(t -> expectedCounts.put(t.patientId(), t.sessions()));

        long started = System.nanoTime();
        try (var kafka = new KafkaTestClient(bootstrapServers)) {
            kafka.sendAll(Topics.SESSIONS, cohort.events.stream()
                    .map(e -> (Map.Entry<String, String>) new AbstractMap.SimpleEntry<>(e.patientId(), e.json())).toList());
            Map<String, CohortReport.Observed> observed = new HashMap<>();
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                List<JsonNode> rows = overview(http);
                observed.clear();
                int complete = 0;
                for (JsonNode row : rows) {
                    String patient = row.get("patientId").asString();
                    observed.put(patient, new CohortReport.Observed(row.get("status").asString(), row.get("suggestedAction").asString()));
                    complete += row.get("sessionCount").asInt() == expectedCounts.getOrDefault(patient, -1) ? 1 : 0;
                }
                return complete == PATIENTS;
            });
            Duration ingestion = Duration.ofNanos(System.nanoTime() - started);
            // statuses are final now; the last progress events may still be on their way
            Thread.sleep(2000);
            observed.clear();
            for (JsonNode row : overview(http)) {
                observed.put(row.get("patientId").asString(),
                        new CohortReport.Observed(row.get("status").asString(), row.get("suggestedAction").asString()));
            }
            List<CohortReport.Transition> transitions = kafka.readAll(Topics.PROGRESS, Duration.ofSeconds(3)).stream()
                    .filter(r -> r.key() != null && r.key().startsWith("cohort-"))
                    .map(r -> JSON.readTree(r.value()))
                    // status changes only: alert events share the topic
                    .filter(e -> org.backtrack.events.ProgressStatusChanged.TYPE.equals(e.path("type").asString("")))
                    .map(e -> e.get("data"))
                    .map(d -> new CohortReport.Transition(d.get("patientId").asString(), d.get("status").asString(),
                            Instant.parse(d.get("asOf").asString())))
                    .toList();

            CohortReport report = new CohortReport(cohort, observed, transitions);
            String rendered = report.render(cohort.events.size(), ingestion);
            System.out.println(rendered);
            Files.writeString(Path.of("target", "cohort-evaluation.md"), rendered);

            assertThat(report.minPrecision()).as("precision of every status").isGreaterThanOrEqualTo(0.9);
            assertThat(report.minRecall()).as("recall of every status").isGreaterThanOrEqualTo(0.9);
            assertThat(report.scores.get("RED_FLAG").recall()).isEqualTo(1.0);
            assertThat(report.unsafeSuggestions).isZero();
            assertThat(report.medianPlateauDelayDays).isLessThanOrEqualTo(7.0);
        }
    }

    /** Every row of the cohort clinic's overview, page after page (its Link header names the next). */
    static List<JsonNode> overview(RestClient http) {
        List<JsonNode> rows = new java.util.ArrayList<>();
        String next = "/api/v1/clinics/" + Cohort.CLINIC + "/patients?size=200";
        while (next != null) {
            var page = http.get().uri(next).retrieve().toEntity(JsonNode.class);
            page.getBody().forEach(rows::add);
            String link = page.getHeaders().getFirst("Link");
            next = link == null ? null : link.substring(1, link.indexOf('>'));
        }
        return rows;
    }
}
