package org.backtrack.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * One in-memory MongoDB wire-protocol server per test JVM (mongo-java-server): the real MongoDB driver talks
 * to it over TCP on a random port, exactly as it would to mongod.
 */
public final class EmbeddedMongo {

    private static MongoServer server;
    private static String connectionString;

    private EmbeddedMongo() {
    }

    public static synchronized String connectionString() {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            connectionString = server.bindAndGetConnectionString();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "embedded-mongo-stop"));
        }
        return connectionString;
    }
}
