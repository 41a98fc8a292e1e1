package org.backtrack.progress.ingestion;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.backtrack.deadletters.StalledPartitions;
import org.backtrack.events.DeadLetterContent;
import org.backtrack.events.Topics;
import org.backtrack.testsupport.Infrastructure;
import org.backtrack.testsupport.KafkaTestClient;
import org.backtrack.testsupport.RunsOn;
import org.backtrack.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A dead letter that cannot be written stalls its partition visibly and never loops: the ingress bridge of a context of
 * its own (its own consumer group, the session consumer not started) reads a clinic's ingress topic whose dead-letter
 * topic refuses every record.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.listener.auto-startup=false",
        "backtrack.ingress.group-id=progress-service-ingress-stall-test",
        "backtrack.ingress.discovery-interval=500",
        "backtrack.dead-letters.retry-interval=1s",
        "backtrack.dead-letters.send-timeout=3s"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
@RunsOn(Infrastructure.EMBEDDED)
class DeadLetterStallIntegrationTest extends IngressStallTests {

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    static String session(String eventId, String clinic, String patient) {
        return """
                {"specversion":"1.0","id":"%s","source":"/test","type":"backtrack.session.completed.v1","subject":"%s",
                 "time":"2026-11-20T07:31:00Z","data":{"sessionId":"%s","clinicId":"%s","patientId":"%s",
                 "completedAt":"2026-11-20T07:31:00Z","painBefore":5,"painAfter":4}}""".formatted(eventId, patient, eventId, clinic, patient);
    }

    @Test
    void anUnwritableDeadLetterPausesThePartitionReportsItAndCarriesOnOnceItCanBeWritten(CapturedOutput output) throws Exception {
        String clinic = "clinic-stall-" + UUID.randomUUID().toString().substring(0, 8);
        String ingress = Topics.ingressOf(clinic);
        String patient = "patient-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
             KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            // the dead-letter topic exists but refuses anything the size of a dead letter
            admin.createTopics(List.of(new NewTopic(ingress, 1, (short) 1),
                    new NewTopic(Topics.deadLetterOf(ingress), 1, (short) 1).configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "200"))))
                    .all().get();
            startIngressBridge("progress-service-ingress-stall-test");
            assertThat(TestHttp.readiness(port)).isEqualTo(200);

            kafka.send(ingress, patient, session("e-foreign", "clinic-elsewhere", patient)); // speaks for another clinic
            kafka.send(ingress, patient, session("e-own", clinic, patient));

            // stopped visibly: readiness DOWN naming the partition and offset, a metric, an ERROR log
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(stalls.health().getStatus()).isEqualTo(Status.DOWN);
                assertThat(TestHttp.readiness(port)).isEqualTo(503);
            });
            assertThat(stalls.stalls()).singleElement().satisfies(stall -> {
                assertThat(stall.topic()).isEqualTo(ingress);
                assertThat(stall.partition()).isZero();
                assertThat(stall.offset()).isZero();
                assertThat(stall.deadLetterTopic()).isEqualTo(Topics.deadLetterOf(ingress));
                assertThat(stall.reason()).contains("RecordTooLargeException");
            });
            assertThat(meters.get(StalledPartitions.STALLED_GAUGE).gauge().value()).isEqualTo(1.0);
            assertThat(output.getOut()).contains("Could not write the dead letter of " + ingress + "-0@0 to " + Topics.deadLetterOf(ingress));
            // the record behind it is neither skipped nor forwarded while the partition stands still
            assertThat(kafka.readUntil(Topics.SESSIONS, r -> r.value().contains("\"e-own\""), Duration.ofSeconds(4)))
                    .noneMatch(r -> r.value().contains("\"e-own\""));
            // not spinning: one attempt per retry interval, not thousands
            double failed = meters.get(StalledPartitions.COUNTER).tag("topic", Topics.deadLetterOf(ingress)).tag("outcome", "failed")
                    .counter().count();
            assertThat(failed).isBetween(1.0, 12.0);

            // the operator fixes the topic: the next retry writes the dead letter and the partition carries on
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, Topics.deadLetterOf(ingress)),
                    List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(Topics.MAX_MESSAGE_BYTES)),
                            AlterConfigOp.OpType.SET)))).all().get();
            var deadLetter = kafka.readUntil(Topics.deadLetterOf(ingress), r -> patient.equals(r.key()), Duration.ofSeconds(30));
            assertThat(deadLetter).singleElement().satisfies(d ->
                    assertThat(d.headers().get(DeadLetterContent.REASON_HEADER)).contains("data.clinicId", clinic));
            assertThat(kafka.readUntil(Topics.SESSIONS, r -> r.value().contains("\"e-own\""), Duration.ofSeconds(30)))
                    .anyMatch(r -> r.value().contains("\"e-own\""));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(stalls.stalls()).isEmpty();
                assertThat(TestHttp.readiness(port)).isEqualTo(200);
            });
        }
    }
}
