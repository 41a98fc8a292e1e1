package org.backtrack.routine.programs;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.backtrack.deadletters.StalledPartitions;
import org.backtrack.events.DeadLetterContent;
import org.backtrack.events.Topics;
import org.backtrack.testsupport.Infrastructure;
import org.backtrack.testsupport.KafkaTestClient;
import org.backtrack.testsupport.RunsOn;
import org.backtrack.testsupport.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.backtrack.testsupport.TestDefaults.WAIT;

/**
 * routine-service's progress consumer dead-letters through BackTrack's one mechanism: bounded dead letters, and a
 * stalled partition, visible, when {@code backtrack.progress-dlt} refuses them. A context of its own (its own consumer
 * group), closed after the class, so that what it stalls is its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "backtrack.progress.consumer-group=routine-service-dead-letter-test",
        "backtrack.dead-letters.retry-interval=1s",
        "backtrack.dead-letters.send-timeout=3s"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
@RunsOn(Infrastructure.EMBEDDED)
class ProgressDeadLettersIntegrationTest {

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @LocalServerPort
    int port;
    @Autowired
    StalledPartitions stalls;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Autowired
    KafkaTestClient kafka;
    KafkaProducer<String, byte[]> producer;
    String patient;

    @BeforeEach
    void setUp() {
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "key.serializer", StringSerializer.class,
                "value.serializer", ByteArraySerializer.class));
        patient = "patient-" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        producer.close();
    }

    RecordMetadata send(ProducerRecord<String, byte[]> record) throws Exception {
        return producer.send(record).get();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    String statusChangedWithoutAction() {
        return """
                {"specversion":"1.0","id":"%s","source":"/progress-service","type":"backtrack.progress.status-changed.v1",
                 "subject":"%s","data":{"clinicId":"clinic-it","patientId":"%s","status":"PLATEAU","suggestion":{}}}"""
                .formatted(UUID.randomUUID(), patient, patient);
    }

    List<KafkaTestClient.ReceivedRecord> deadLettersOfThePatient(int atLeast) {
        int[] seen = {0};
        return kafka.readUntil(Topics.PROGRESS_DLT, r -> patient.equals(r.key()) && ++seen[0] >= atLeast, WAIT).stream()
                .filter(r -> patient.equals(r.key())).toList();
    }

    @Test
    void aMegabyteRecordIsDeadLetteredCutWithTheHashOfTheWholeAndThePartitionGoesOn() throws Exception {
        byte[] huge = utf8("{\"type\":\"backtrack.progress.status-changed.v1\",\"padding\":\"" + "x".repeat(1_000_000) + "\"}");
        send(new ProducerRecord<>(Topics.PROGRESS, patient, huge));
        send(new ProducerRecord<>(Topics.PROGRESS, patient, utf8(statusChangedWithoutAction())));

        // (other contexts of this test run, in groups of their own, may dead-letter the same records as well: read until
        // both show)
        boolean[] seen = new boolean[2];
        var deadLetters = kafka.readUntil(Topics.PROGRESS_DLT, r -> {
            if (patient.equals(r.key())) {
                seen[r.headers().containsKey(DeadLetterContent.TRUNCATED_HEADER) ? 0 : 1] = true;
            }
            return seen[0] && seen[1];
        }, WAIT).stream().filter(r -> patient.equals(r.key())).toList();
        var cut = deadLetters.stream().filter(d -> d.headers().containsKey(DeadLetterContent.TRUNCATED_HEADER)).findFirst().orElseThrow();
        assertThat(utf8(cut.value())).isEqualTo(Arrays.copyOf(huge, DeadLetterContent.MAX_VALUE_BYTES));
        assertThat(cut.headers()).containsEntry(DeadLetterContent.TRUNCATED_HEADER, "true")
                .containsEntry(DeadLetterContent.ORIGINAL_BYTES_HEADER, String.valueOf(huge.length))
                .containsEntry(DeadLetterContent.ORIGINAL_SHA256_HEADER, DeadLetterContent.sha256(huge));
        assertThat(cut.headers().get(DeadLetterContent.REASON_HEADER)).contains("not valid JSON");
        // the record behind it on the same partition was handled too, whole
        assertThat(deadLetters).anySatisfy(d -> {
            assertThat(d.headers().get(DeadLetterContent.REASON_HEADER)).contains("data.suggestion.action");
            assertThat(d.headers()).doesNotContainKey(DeadLetterContent.TRUNCATED_HEADER);
        });
    }

    @Test
    void aDeadLetterCarriesTheReasonAndBoundedHeadersNeverAStackTrace() throws Exception {
        var record = new ProducerRecord<>(Topics.PROGRESS, patient, utf8(statusChangedWithoutAction()));
        for (int i = 0; i < 30; i++) {
            record.headers().add("big-" + i, new byte[1000]);
        }
        record.headers().add(DeadLetterContent.REASON_HEADER, utf8("forged"));
        send(record);

        var deadLetter = deadLettersOfThePatient(1).get(0);

        assertThat(deadLetter.headers().get(DeadLetterContent.REASON_HEADER)).contains("data.suggestion.action").doesNotContain("forged");
        assertThat(deadLetter.headers().keySet()).noneMatch(name -> name.contains("stacktrace"));
        assertThat(deadLetter.headers()).containsEntry(DeadLetterContent.HEADERS_DROPPED_HEADER, "27");
        int headerBytes = deadLetter.headers().entrySet().stream().mapToInt(h -> h.getKey().length() + h.getValue().length()).sum();
        assertThat(headerBytes).isLessThanOrEqualTo(DeadLetterContent.MAX_ORIGINAL_HEADER_BYTES + DeadLetterContent.MAX_ADDED_HEADER_BYTES);
    }

    @Test
    void anUnwritableDeadLetterTopicStallsThePartitionVisiblyUntilItCanBeWritten(CapturedOutput output) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            kafka.send(Topics.PROGRESS, "warm-" + patient, "{}"); // the topic exists before its config is changed
            maxMessageBytes(admin, "200");
            try {
                RecordMetadata first = send(new ProducerRecord<>(Topics.PROGRESS, patient, utf8(statusChangedWithoutAction())));
                send(new ProducerRecord<>(Topics.PROGRESS, patient, utf8(statusChangedWithoutAction())));
                String partition = Topics.PROGRESS + "-" + first.partition();

                await().atMost(WAIT).untilAsserted(() -> {
                    assertThat(stalls.health().getStatus()).isEqualTo(Status.DOWN);
                    assertThat(TestHttp.readiness(port)).isEqualTo(503);
                });
                assertThat(stalls.stalls()).singleElement().satisfies(stall -> {
                    assertThat(stall.topic()).isEqualTo(Topics.PROGRESS);
                    assertThat(stall.partition()).isEqualTo(first.partition());
                    assertThat(stall.offset()).isEqualTo(first.offset());
                    assertThat(stall.deadLetterTopic()).isEqualTo(Topics.PROGRESS_DLT);
                });
                assertThat(output.getOut()).contains("Could not write the dead letter of " + partition + "@" + first.offset()
                        + " to " + Topics.PROGRESS_DLT);
                assertThat(meters.get(StalledPartitions.STALLED_GAUGE).gauge().value()).isEqualTo(1.0);
                Thread.sleep(3000); // a spinning consumer would fail thousands of times meanwhile
                assertThat(meters.get(StalledPartitions.COUNTER).tag("topic", Topics.PROGRESS_DLT).tag("outcome", "failed")
                        .counter().count()).isBetween(1.0, 10.0);
            } finally {
                maxMessageBytes(admin, String.valueOf(Topics.MAX_MESSAGE_BYTES));
            }
            // written once the topic takes them, both records, and the partition carries on
            assertThat(deadLettersOfThePatient(2)).hasSizeGreaterThanOrEqualTo(2);
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(stalls.stalls()).isEmpty();
                assertThat(TestHttp.readiness(port)).isEqualTo(200);
            });
        }
    }

    static void maxMessageBytes(Admin admin, String bytes) throws Exception {
        admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, Topics.PROGRESS_DLT),
                List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, bytes), AlterConfigOp.OpType.SET))))
                .all().get();
    }
}
