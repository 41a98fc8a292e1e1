package org.backtrack.devstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The embedded MongoDB-wire server (mongo-java-server) with its H2 MVStore backend in one file under the data
 * directory, so data survives restarts ({@link IdSeekingH2Backend} says what it adds). It reports MongoDB 7.0 so that mongosh 2.x accepts it too.
 */
final class MongoStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MongoStore.class);

    /** MongoDB 7.0 speaks wire version 21. */
    private static final MongoVersion MONGO_7_0 = new MongoVersion() {
        @Override
        public List<Integer> getVersionArray() {
            return List.of(7, 0, 0);
        }

        @Override
        public int getWireVersion() {
            return 21;
        }
    };

    private final IdSeekingH2Backend backend;
    private final MongoServer server;

    private MongoStore(IdSeekingH2Backend backend, MongoServer server) {
        this.backend = backend;
        this.server = server;
    }

    static MongoStore start(Path file, String host, int port) throws IOException {
        Files.createDirectories(file.getParent());
        IdSeekingH2Backend backend = new IdSeekingH2Backend(file.toString());
        backend.version(MONGO_7_0);
        MongoServer server = new MongoServer(backend);
        server.bind(host, port);
        return new MongoStore(backend, server);
    }

    /** The port it listens on (the one asked for, or the one chosen when asked for 0). */
    int port() {
        return server.getLocalAddress().getPort();
    }

    /** Documents matched against queries since the start: how much of its collections the server has read. */
    long examinedDocuments() {
        return backend.examinedDocuments();
    }

    /** The query shapes it answered by reading whole collections, most frequent first. */
    List<String> scansByShape(int most) {
        return backend.scansByShape(most);
    }

    /** Writes what has changed to the file now, as H2's writer thread does every second. */
    void commit() {
        backend.commit();
    }

    @Override
    public void close() {
        List<String> scans = scansByShape(8);
        if (!scans.isEmpty()) {
            log.info("Queries the MongoDB-wire server answered by reading a whole collection (count x namespace and shape): {}", scans);
        }
        backend.forgetScans();
        server.shutdownNow();
        backend.close(); // flushes the MVStore file
    }
}
