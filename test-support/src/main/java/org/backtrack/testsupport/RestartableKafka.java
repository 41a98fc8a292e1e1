package org.backtrack.testsupport;

import kafka.server.BrokerServer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A real KRaft broker of a test's own (not the JVM-wide {@link EmbeddedKafka}) that the test can stop and start
 * again: the broker process goes away while its controller, port and data stay, as when a broker restarts. For
 * tests of what services do while the broker is away.
 */
public final class RestartableKafka implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker kraft;

    private RestartableKafka(EmbeddedKafkaKraftBroker kraft) {
        this.kraft = kraft;
    }

    public static RestartableKafka start() {
        EmbeddedKafkaKraftBroker kraft = new EmbeddedKafkaKraftBroker(1, EmbeddedKafka.PARTITIONS);
        kraft.kafkaPorts(freePort());
        kraft.brokerProperty("auto.create.topics.enable", "true");
        kraft.brokerProperty("num.partitions", String.valueOf(EmbeddedKafka.PARTITIONS));
        kraft.afterPropertiesSet();
        return new RestartableKafka(kraft);
    }

    public String bootstrapServers() {
        return kraft.getBrokersAsString();
    }

    /** Shuts the broker down; clients see it gone until {@link #startBroker()}. */
    public void stopBroker() {
        BrokerServer broker = broker();
        broker.shutdown();
        broker.awaitShutdown();
    }

    /** Starts the stopped broker again, on the same port with the same data. */
    public void startBroker() {
        broker().startup();
    }

    @Override
    public void close() {
        kraft.destroy();
    }

    private BrokerServer broker() {
        return kraft.getCluster().brokers().values().iterator().next();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
