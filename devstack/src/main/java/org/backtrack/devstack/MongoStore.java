package org.backtrack.devstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The embedded MongoDB-wire server (mongo-java-server) with its H2 MVStore backend in one file under the data
 * directory, so data survives restarts. It reports MongoDB 7.0 so that mongosh 2.x accepts it too.
 */
final class MongoStore implements AutoCloseable {

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

    private final H2Backend backend;
    private final MongoServer server;

    private MongoStore(H2Backend backend, MongoServer server) {
        this.backend = backend;
        this.server = server;
    }

    static MongoStore start(Path file, String host, int port) throws IOException {
        Files.createDirectories(file.getParent());
        H2Backend backend = new HelloAwareH2Backend(file.toString());
        backend.version(MONGO_7_0);
        MongoServer server = new MongoServer(backend);
        server.bind(host, port);
        return new MongoStore(backend, server);
    }

    /**
     * Drivers talking to a server of wire version 13 or newer check its state with {@code hello}, which
     * mongo-java-server only knows by its legacy name {@code isMaster}; the answers are the same.
     */
    private static final class HelloAwareH2Backend extends H2Backend {

        HelloAwareH2Backend(String file) {
            super(file);
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            if ("hello".equalsIgnoreCase(command)) {
                Document reply = super.handleCommand(channel, database, "isMaster", query);
                reply.put("isWritablePrimary", Boolean.TRUE);
                reply.put("helloOk", Boolean.TRUE);
                return reply;
            }
            return super.handleCommand(channel, database, command, query);
        }
    }

    @Override
    public void close() {
        server.shutdownNow();
        backend.close(); // flushes the MVStore file
    }
}
