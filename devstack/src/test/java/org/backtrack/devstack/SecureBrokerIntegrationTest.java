package org.backtrack.devstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.backtrack.events.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker of {@code --kafka-security=scram} (only the broker JVM, on free ports and a temporary data directory)
 * attacked with real Kafka clients: a producer cannot act for another clinic, read the shared topics or pass as a
 * service, and every service can do its work. Also a restart on the same data directory, and a log directory
 * first formatted by the plaintext default.
 */
class SecureBrokerIntegrationTest {

    static final String DEMO = DemoClinic.CLINIC_ID;
    static final String RIVERSIDE = "clinic-riverside";
    /** How long an operation that should succeed may take on a busy machine; refusals come at once. */
    static final Duration PATIENCE = Duration.ofSeconds(15);
    /** How long a client that gets no answer at all waits before giving up. */
    static final Duration NO_ANSWER = Duration.ofSeconds(3);

    static DevStackConfig config;
    static KafkaBroker broker;

    @BeforeAll
    static void startTheSecureBroker() throws Exception {
        config = configOn(Files.createTempDirectory("backtrack-secure-kafka"), KafkaSecurity.SCRAM);
        broker = KafkaBroker.start(config);
        broker.ensureTopics(DevStack.TOPICS, 1);
    }

    @AfterAll
    static void stopTheBroker() {
        if (broker != null) {
            broker.close();
        }
        deleteQuietly(config.dataDir());
    }

    @Test
    void aWrongPasswordIsRejected() {
        Map<String, Object> login = new HashMap<>(login(KafkaAccess.integrationOf(DEMO)));
        login.put("sasl.jaas.config", KafkaCredentials.jaasLine(KafkaCredentials.SCRAM_LOGIN_MODULE,
                KafkaAccess.integrationOf(DEMO), "not-the-password", ""));
        assertThat(failureOf(() -> send(login, Topics.ingressOf(DEMO)))).isInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void aClientWithoutSaslGetsNothing() {
        Map<String, Object> anonymous = Map.of("bootstrap.servers", config.kafkaBootstrap(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) NO_ANSWER.toMillis());
        assertThat(failureOf(() -> send(anonymous, Topics.ingressOf(DEMO)))).isInstanceOf(TimeoutException.class);
    }

    @Test
    void anIntegrationWritesOnlyItsOwnClinicsIngressTopic() throws Exception {
        Map<String, Object> demo = login(KafkaAccess.integrationOf(DEMO));
        assertThat(send(demo, Topics.ingressOf(DEMO)).offset()).isGreaterThanOrEqualTo(0);
        for (String other : List.of(Topics.SESSIONS, Topics.ingressOf(RIVERSIDE), Topics.ingressOf(DEMO) + Topics.DEAD_LETTER_SUFFIX)) {
            assertThat(failureOf(() -> send(demo, other))).as(other).isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void anIntegrationReadsNothing() {
        Map<String, Object> demo = login(KafkaAccess.integrationOf(DEMO));
        for (String topic : List.of(Topics.SESSIONS, Topics.PROGRESS, Topics.ingressOf(DEMO))) {
            assertThat(failureOf(() -> readFirst(demo, topic))).as(topic).isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void routineServicePublishesSessionsButNotProgress() throws Exception {
        Map<String, Object> routine = login(KafkaAccess.ROUTINE);
        assertThat(send(routine, Topics.SESSIONS).offset()).isGreaterThanOrEqualTo(0);
        assertThat(failureOf(() -> send(routine, Topics.PROGRESS))).isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void progressServiceBridgesAnIngressTopicToTheSessions() throws Exception {
        String value = "ingress-" + UUID.randomUUID();
        send(login(KafkaAccess.integrationOf(RIVERSIDE)), Topics.ingressOf(RIVERSIDE), value);

        Map<String, Object> progress = login(KafkaAccess.PROGRESS);
        assertThat(readIngress(progress, "progress-service-ingress")).contains(value);
        assertThat(send(progress, Topics.SESSIONS).offset()).isGreaterThanOrEqualTo(0);
        assertThat(send(progress, Topics.ingressOf(RIVERSIDE) + Topics.DEAD_LETTER_SUFFIX).offset()).isGreaterThanOrEqualTo(0);
        assertThat(readFirst(progress, Topics.SESSIONS)).isNotNull();
    }

    @Test
    void theControllerListenerDoesNotServeAnonymousClients() {
        // a PLAINTEXT controller listener would need User:ANONYMOUS as a super user: anyone reaching it could grant anything
        Map<String, Object> anonymous = Map.of(AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG,
                config.host() + ":" + config.controllerPort(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) NO_ANSWER.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) NO_ANSWER.toMillis());
        AclBinding everything = new AclBinding(new ResourcePattern(ResourceType.TOPIC, "*", PatternType.LITERAL),
                new AccessControlEntry("User:mallory", "*", AclOperation.ALL, AclPermissionType.ALLOW));
        try (Admin admin = Admin.create(anonymous)) {
            assertThat(failureOf(() -> admin.createAcls(List.of(everything)).all().get(PATIENCE.toSeconds(), TimeUnit.SECONDS)))
                    .isInstanceOf(TimeoutException.class);
        }
    }

    @Test
    void aRestartReusesTheCredentialsWithoutFormattingAgain() throws Exception {
        Path kafka = config.dataDir().resolve("kafka");
        String credentials = Files.readString(kafka.resolve("credentials.properties"));
        String meta = Files.readString(kafka.resolve("data/meta.properties"));

        broker.close();
        broker = KafkaBroker.start(config);

        assertThat(Files.readString(kafka.resolve("credentials.properties"))).isEqualTo(credentials);
        assertThat(Files.readString(kafka.resolve("data/meta.properties"))).isEqualTo(meta);
        assertThat(send(login(KafkaAccess.integrationOf(DEMO)), Topics.ingressOf(DEMO)).offset()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aLogFormattedByThePlaintextDefaultGetsTheCredentialsOnItsFirstSecureStart() throws Exception {
        DevStackConfig plaintext = configOn(Files.createTempDirectory("backtrack-plaintext-kafka"), KafkaSecurity.NONE);
        try {
            try (KafkaBroker before = KafkaBroker.start(plaintext)) {
                before.ensureTopics(DevStack.TOPICS, 1);
                send(Map.of("bootstrap.servers", plaintext.kafkaBootstrap()), Topics.SESSIONS);
            }
            DevStackConfig secure = configOn(plaintext.dataDir(), KafkaSecurity.SCRAM);
            try (KafkaBroker after = KafkaBroker.start(secure)) {
                KafkaCredentials credentials = after.credentials().orElseThrow();
                assertThat(readFirst(login(secure, credentials, KafkaAccess.PROGRESS), Topics.SESSIONS)).isNotNull();
                assertThat(failureOf(() -> send(login(secure, credentials, KafkaAccess.integrationOf(DEMO)), Topics.SESSIONS)))
                        .isInstanceOf(TopicAuthorizationException.class);
            }
        } finally {
            deleteQuietly(plaintext.dataDir());
        }
    }

    /** What the action failed with, unwrapped from the future's ExecutionException. */
    private static Throwable failureOf(Callable<?> action) {
        try {
            action.call();
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("expected a failure, but it succeeded");
    }

    private static DevStackConfig configOn(Path dataDir, KafkaSecurity security) throws IOException {
        int unused = 0; // only the broker runs
        return new DevStackConfig(Path.of("..").toAbsolutePath().normalize(), dataDir, Path.of("target/lib").toAbsolutePath(),
                "127.0.0.1", freePort(), freePort(), unused, unused, unused, unused, unused, unused, 0, 1,
                DevStackConfig.DEFAULT_SERVICE_JVM_OPTIONS, security);
    }

    private static Map<String, Object> login(String principal) {
        return login(config, broker.credentials().orElseThrow(), principal);
    }

    private static Map<String, Object> login(DevStackConfig on, KafkaCredentials credentials, String principal) {
        Map<String, Object> settings = new HashMap<>(credentials.clientProperties(principal));
        settings.put("bootstrap.servers", on.kafkaBootstrap());
        return settings;
    }

    private static RecordMetadata send(Map<String, Object> login, String topic) throws Exception {
        return send(login, topic, "{}");
    }

    /** One acknowledged record, or the failure (authentication and authorization failures come at once). */
    private static RecordMetadata send(Map<String, Object> login, String topic, String value) throws Exception {
        Map<String, Object> settings = new HashMap<>(login);
        settings.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) PATIENCE.toMillis());
        try (var producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
            return producer.send(new ProducerRecord<>(topic, "patient-1", value)).get(PATIENCE.toSeconds() * 2, TimeUnit.SECONDS);
        }
    }

    /** The first record of partition 0, read without a consumer group (only the topic's ACLs apply); null if empty. */
    private static String readFirst(Map<String, Object> login, String topic) {
        Map<String, Object> settings = new HashMap<>(login);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    return record.value();
                }
            }
            return null;
        }
    }

    /** What a consumer group subscribed to every ingress topic, as the bridge is, reads and commits. */
    private static List<String> readIngress(Map<String, Object> login, String group) {
        Map<String, Object> settings = new HashMap<>(login);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Pattern.compile(Topics.INGRESS_PATTERN));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
            }
            consumer.commitSync(); // the group's ACL, not only the topics'
        }
        return values;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; the OS cleans it eventually
        }
    }
}
