package org.backtrack.devstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.backtrack.events.Topics;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker and controller in one process), run as a child JVM
 * from the Kafka jars of Maven Central. Its log directory is formatted once and kept across restarts.
 * <p>
 * In {@link KafkaSecurity#SCRAM} mode clients authenticate with SASL/SCRAM-SHA-256 and the StandardAuthorizer
 * allows only what {@link KafkaAccess} grants. The controller listener uses SASL/PLAIN with the admin as its only
 * user: SCRAM credentials live in the metadata log the controller serves, and a PLAINTEXT controller listener would
 * need {@code User:ANONYMOUS} as a super user, which lets anyone reaching that port create ACLs.
 */
final class KafkaBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    /** The clients' listener in secure mode, named after its protocol; per-listener settings use its name. */
    private static final String CLIENT_LISTENER = "SASL_PLAINTEXT";
    /** As the storage tool's default: Kafka's minimum for SCRAM-SHA-256. */
    private static final int SCRAM_ITERATIONS = 4096;

    private final ChildProcess process;
    /** null on the plaintext broker */
    private final KafkaCredentials credentials;
    private final Map<String, Object> adminSettings;

    private KafkaBroker(ChildProcess process, KafkaCredentials credentials, Map<String, Object> adminSettings) {
        this.process = process;
        this.credentials = credentials;
        this.adminSettings = adminSettings;
    }

    static KafkaBroker start(DevStackConfig config) throws Exception {
        Path dir = config.dataDir().resolve("kafka");
        Path logDir = dir.resolve("data");
        Path properties = dir.resolve("server.properties");
        Files.createDirectories(logDir);
        boolean formatted = Files.exists(logDir.resolve("meta.properties"));
        if (config.kafkaSecurity() == KafkaSecurity.NONE) {
            KafkaCredentials.writeOwnerOnly(properties, serverProperties(config, logDir, null));
            if (!formatted) {
                format(config, properties, List.of());
            }
            return launch(config, properties, null);
        }
        return startSecure(config, logDir, properties, formatted);
    }

    /** Credentials go in with the first secure start (at format time when it can); the ACLs are granted on every start. */
    private static KafkaBroker startSecure(DevStackConfig config, Path logDir, Path properties, boolean formatted) throws Exception {
        KafkaCredentials credentials = KafkaCredentials.load(config.dataDir().resolve("kafka").resolve("credentials.properties"),
                KafkaAccess.principals(DemoClinic.CLINIC_IDS));
        // passwords made just now that the metadata log does not hold yet (the format adds all of them)
        List<String> unknownToBroker = formatted ? credentials.generated() : List.of();
        if (!formatted) {
            KafkaCredentials.writeOwnerOnly(properties, serverProperties(config, logDir, credentials));
            format(config, properties, credentials.storageToolArguments());
        } else if (unknownToBroker.contains(KafkaAccess.ADMIN)) {
            // formatted by a plaintext start: the credentials go in over one more plaintext start, before any are required
            KafkaCredentials.writeOwnerOnly(properties, serverProperties(config, logDir, null));
            try (KafkaBroker plaintext = launch(config, properties, null)) {
                plaintext.addCredentials(credentials, unknownToBroker);
            }
            unknownToBroker = List.of();
        }
        KafkaCredentials.writeOwnerOnly(properties, serverProperties(config, logDir, credentials));
        KafkaBroker broker = launch(config, properties, credentials);
        try {
            broker.addCredentials(credentials, unknownToBroker); // principals added to devstack since the format
            credentials.saveIfGenerated();
            broker.allow(KafkaAccess.bindings(DemoClinic.CLINIC_IDS));
            return broker;
        } catch (Exception e) {
            broker.close();
            throw e;
        }
    }

    private static void format(DevStackConfig config, Path properties, List<String> scramArguments)
            throws IOException, InterruptedException, URISyntaxException {
        Path log = config.dataDir().resolve("logs").resolve("kafka-format.log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(), "-cp", classpath(config),
                "kafka.tools.StorageTool", "format", "--standalone", "-t", Uuid.randomUuid().toString(),
                "-c", properties.toString()));
        command.addAll(scramArguments);
        Process format = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            format.destroyForcibly();
            throw new DevStackException("Formatting the Kafka log directory failed; see " + log);
        }
    }

    /** @param credentials null for the plaintext broker */
    private static KafkaBroker launch(DevStackConfig config, Path properties, KafkaCredentials credentials)
            throws IOException, InterruptedException, URISyntaxException {
        ChildProcess child = ChildProcess.start("kafka", List.of(ChildProcess.javaExecutable(), "-Xmx512m", "-Xms32m",
                "-XX:+UseSerialGC",
                "-cp", classpath(config), "kafka.Kafka", properties.toString()),
                config.dataDir().resolve("logs").resolve("kafka.log"));
        Map<String, Object> adminSettings = new HashMap<>(credentials == null ? Map.of() : credentials.clientProperties(KafkaAccess.ADMIN));
        adminSettings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        adminSettings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        adminSettings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        KafkaBroker broker = new KafkaBroker(child, credentials, Map.copyOf(adminSettings));
        try {
            broker.awaitReady();
            return broker;
        } catch (RuntimeException | InterruptedException e) {
            broker.close();
            throw e;
        }
    }

    /** The devstack's own classes bring log4j2.xml; the broker and its dependencies come from the lib directory. */
    private static String classpath(DevStackConfig config) throws URISyntaxException {
        String ownClasses = Path.of(KafkaBroker.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        return ownClasses + File.pathSeparator + config.libDir().resolve("*");
    }

    /** @param credentials null for the plaintext broker */
    private static String serverProperties(DevStackConfig config, Path logDir, KafkaCredentials credentials) {
        String client = config.host() + ":" + config.kafkaPort();
        String controller = config.host() + ":" + config.controllerPort();
        List<String> lines = new ArrayList<>(List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=" + controller,
                "controller.listener.names=CONTROLLER",
                "log.dirs=" + logDir,
                "num.partitions=" + config.partitions(),
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // the devstack keeps sessions as long as the disk allows; production sets its own retention
                "log.retention.hours=-1"));
        if (credentials == null) {
            lines.addAll(List.of(
                    "listeners=PLAINTEXT://" + client + ",CONTROLLER://" + controller,
                    "advertised.listeners=PLAINTEXT://" + client,
                    "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"));
        } else {
            String admin = KafkaAccess.ADMIN;
            String password = credentials.password(admin);
            String listener = CLIENT_LISTENER.toLowerCase();
            lines.addAll(List.of(
                    "listeners=" + CLIENT_LISTENER + "://" + client + ",CONTROLLER://" + controller,
                    "advertised.listeners=" + CLIENT_LISTENER + "://" + client,
                    "listener.security.protocol.map=CONTROLLER:" + KafkaCredentials.SECURITY_PROTOCOL + ","
                            + CLIENT_LISTENER + ":" + KafkaCredentials.SECURITY_PROTOCOL,
                    "inter.broker.listener.name=" + CLIENT_LISTENER,
                    "sasl.enabled.mechanisms=" + KafkaCredentials.MECHANISM,
                    "sasl.mechanism.inter.broker.protocol=" + KafkaCredentials.MECHANISM,
                    // the broker's own login for inter-broker traffic; SCRAM users themselves are in the metadata log
                    "listener.name." + listener + "." + KafkaCredentials.MECHANISM.toLowerCase() + ".sasl.jaas.config="
                            + KafkaCredentials.jaasLine(KafkaCredentials.SCRAM_LOGIN_MODULE, admin, password, ""),
                    "sasl.mechanism.controller.protocol=PLAIN",
                    "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                    // the broker logs in to its controller as the admin, the only user the controller knows
                    "listener.name.controller.plain.sasl.jaas.config=" + KafkaCredentials.jaasLine(
                            "org.apache.kafka.common.security.plain.PlainLoginModule", admin, password,
                            " user_" + admin + "=\"" + password + "\""),
                    "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                    "super.users=User:" + admin,
                    "allow.everyone.if.no.acl.found=false"));
        }
        lines.add("");
        return String.join("\n", lines);
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new DevStackException("The Kafka broker exited during start-up:\n" + process.logTail(30));
            }
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                if (e.getCause() instanceof SaslAuthenticationException rejected) {
                    // waiting would not help: the stored admin password is not the one the log was formatted with
                    throw new DevStackException("The Kafka broker rejected the devstack's admin credentials: "
                            + rejected.getMessage(), rejected);
                }
                last = e;
                Thread.sleep(500);
            }
        }
        throw new DevStackException("The Kafka broker did not become ready within " + READY_TIMEOUT.toSeconds()
                + " s; see " + process.log(), last);
    }

    /**
     * Creates the topics that do not exist yet, each with the given number of partitions, and makes
     * {@code backtrack.catalog} compacted, also where an older start created it without: the catalog views of
     * routine-service and progress-service read it from the beginning as their snapshot.
     */
    void ensureTopics(List<String> names, int partitions) throws Exception {
        Map<String, String> compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String name : names) {
                if (!existing.contains(name)) {
                    NewTopic topic = new NewTopic(name, partitions, (short) 1);
                    missing.add(Topics.CATALOG.equals(name) ? topic.configs(compacted) : topic);
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            if (names.contains(Topics.CATALOG) && existing.contains(Topics.CATALOG)) {
                ConfigResource catalog = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CATALOG);
                AlterConfigOp compact = new AlterConfigOp(new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_COMPACT), AlterConfigOp.OpType.SET);
                admin.incrementalAlterConfigs(Map.of(catalog, List.of(compact))).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Adds or replaces the SCRAM credentials of these principals. */
    private void addCredentials(KafkaCredentials credentials, List<String> principals) throws Exception {
        if (principals.isEmpty()) {
            return;
        }
        List<UserScramCredentialAlteration> upserts = new ArrayList<>();
        for (String principal : principals) {
            upserts.add(new UserScramCredentialUpsertion(principal,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, SCRAM_ITERATIONS), credentials.password(principal)));
        }
        try (Admin admin = admin()) {
            admin.alterUserScramCredentials(upserts).all().get(30, TimeUnit.SECONDS);
        }
    }

    private void allow(List<AclBinding> bindings) throws Exception {
        try (Admin admin = admin()) {
            admin.createAcls(bindings).all().get(30, TimeUnit.SECONDS);
        }
    }

    private Admin admin() {
        return Admin.create(adminSettings);
    }

    /** The principals' passwords; empty on the plaintext broker. */
    Optional<KafkaCredentials> credentials() {
        return Optional.ofNullable(credentials);
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
    }
}
