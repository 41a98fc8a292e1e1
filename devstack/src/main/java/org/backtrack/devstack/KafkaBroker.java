package org.backtrack.devstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker and controller in one process), run as a child JVM
 * from the Kafka jars of Maven Central. Its log directory is formatted once and kept across restarts.
 */
final class KafkaBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final ChildProcess process;
    private final String bootstrap;

    private KafkaBroker(ChildProcess process, String bootstrap) {
        this.process = process;
        this.bootstrap = bootstrap;
    }

    static KafkaBroker start(DevStackConfig config) throws IOException, InterruptedException, java.net.URISyntaxException {
        Path dir = config.dataDir().resolve("kafka");
        Path logDir = dir.resolve("data");
        Path properties = dir.resolve("server.properties");
        Files.createDirectories(logDir);
        Files.writeString(properties, serverProperties(config, logDir));
        Path logs = config.dataDir().resolve("logs");
        // the devstack's own classes bring log4j2.xml; the broker and its dependencies come from the lib directory
        String ownClasses = Path.of(KafkaBroker.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        String classpath = ownClasses + java.io.File.pathSeparator + config.libDir().resolve("*");
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            Process format = new ProcessBuilder(ChildProcess.javaExecutable(), "-cp", classpath, "kafka.tools.StorageTool",
                    "format", "--standalone", "-t", Uuid.randomUuid().toString(), "-c", properties.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("kafka-format.log").toFile()))
                    .start();
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new DevStackException("Formatting the Kafka log directory failed; see " + logs.resolve("kafka-format.log"));
            }
        }
        ChildProcess child = ChildProcess.start("kafka", List.of(ChildProcess.javaExecutable(), "-Xmx512m",
                "-cp", classpath, "kafka.Kafka",
                properties.toString()), logs.resolve("kafka.log"));
        KafkaBroker broker = new KafkaBroker(child, config.kafkaBootstrap());
        broker.awaitReady();
        return broker;
    }

    private static String serverProperties(DevStackConfig config, Path logDir) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=" + config.host() + ":" + config.controllerPort(),
                "listeners=PLAINTEXT://" + config.host() + ":" + config.kafkaPort() + ",CONTROLLER://" + config.host() + ":" + config.controllerPort(),
                "advertised.listeners=PLAINTEXT://" + config.host() + ":" + config.kafkaPort(),
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + logDir,
                "num.partitions=" + config.partitions(),
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // the devstack keeps sessions as long as the disk allows; production sets its own retention
                "log.retention.hours=-1",
                "");
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
                last = e;
                Thread.sleep(500);
            }
        }
        throw new DevStackException("The Kafka broker did not become ready within " + READY_TIMEOUT.toSeconds()
                + " s; see " + process.log(), last);
    }

    /** Creates the topics that do not exist yet, each with the given number of partitions. */
    void ensureTopics(List<String> names, int partitions) throws Exception {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String name : names) {
                if (!existing.contains(name)) {
                    missing.add(new NewTopic(name, partitions, (short) 1));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
    }
}
