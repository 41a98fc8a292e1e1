package org.backtrack.progress.ingestion;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.backtrack.events.DeadLetterContent;
import org.backtrack.events.Topics;
import org.backtrack.testsupport.EmbeddedMongo;
import org.backtrack.testsupport.KafkaTestClient;
import org.backtrack.testsupport.TestHttp;
import org.backtrack.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A dead-letter topic that does not exist, on a broker that creates no topic by itself (as docker compose runs it):
 * the partition stalls visibly, in seconds, and carries on once an operator creates the topic. A broker of its own,
 * so that auto-creation can be off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.listener.auto-startup=false",
        "backtrack.ingress.group-id=progress-service-ingress-missing-dlt-test",
        "backtrack.ingress.discovery-interval=500",
        "backtrack.dead-letters.retry-interval=1s",
        "backtrack.dead-letters.send-timeout=3s"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MissingDeadLetterTopicIntegrationTest extends IngressStallTests {

    private static EmbeddedKafkaKraftBroker broker;

    static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = new EmbeddedKafkaKraftBroker(1, 1);
            broker.brokerProperty("auto.create.topics.enable", "false");
            broker.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "no-auto-create-kafka-stop"));
        }
        return broker.getBrokersAsString();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", EmbeddedMongo::connectionString);
        registry.add("spring.kafka.bootstrap-servers", MissingDeadLetterTopicIntegrationTest::bootstrapServers);
        TestIssuer.register(registry);
    }

    @Test
    void aMissingDeadLetterTopicStallsThePartitionUntilItIsCreated() throws Exception {
        String clinic = "clinic-missing-" + UUID.randomUUID().toString().substring(0, 8);
        String ingress = Topics.ingressOf(clinic);
        String patient = "patient-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()));
             KafkaTestClient kafka = new KafkaTestClient(bootstrapServers())) {
            // the ingress topic and the forward's target exist; the ingress topic's -dlt does not
            admin.createTopics(List.of(new NewTopic(ingress, 1, (short) 1), new NewTopic(Topics.SESSIONS, 1, (short) 1))).all().get();
            startIngressBridge("progress-service-ingress-missing-dlt-test");

            kafka.send(ingress, patient, """
                    {"specversion":"1.0","id":"e-1","source":"/test","type":"backtrack.session.completed.v1","data":[]}""");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(TestHttp.readiness(port)).isEqualTo(503);
                assertThat(stalls.stalls()).singleElement().satisfies(stall -> {
                    assertThat(stall.topic()).isEqualTo(ingress);
                    assertThat(stall.deadLetterTopic()).isEqualTo(Topics.deadLetterOf(ingress));
                    assertThat(stall.reason()).contains("UnknownTopicOrPartition"); // the real cause, not a wrapper's text
                });
            });
            assertThat(admin.listTopics().names().get()).doesNotContain(Topics.deadLetterOf(ingress)); // nothing created it

            admin.createTopics(List.of(new NewTopic(Topics.deadLetterOf(ingress), 1, (short) 1))).all().get();

            var deadLetters = kafka.readUntil(Topics.deadLetterOf(ingress), r -> patient.equals(r.key()), Duration.ofSeconds(30));
            assertThat(deadLetters).singleElement().satisfies(d ->
                    assertThat(d.headers().get(DeadLetterContent.REASON_HEADER)).contains("data"));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(stalls.health().getStatus()).isEqualTo(Status.UP);
                assertThat(TestHttp.readiness(port)).isEqualTo(200);
            });
        }
    }

    /** On a cluster that creates nothing by itself, the service's start declares what its configuration names. */
    @Test
    void itsOwnTopicsAreDeclaredAtStartWithTheContractsSizeBound() throws Exception {
        List<String> declared = List.of(Topics.PROGRESS, Topics.PROGRAMS, Topics.SESSIONS_DLT, Topics.PROGRAMS_DLT);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            assertThat(admin.describeTopics(declared).allTopicNames().get()).allSatisfy((name, topic) ->
                    assertThat(topic.partitions()).as(name).hasSize(6));
            var resources = declared.stream().map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
            assertThat(admin.describeConfigs(resources).all().get()).allSatisfy((resource, config) ->
                    assertThat(config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value()).as(resource.name())
                            .isEqualTo(String.valueOf(Topics.MAX_MESSAGE_BYTES)));
        }
    }
}
