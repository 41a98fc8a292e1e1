package org.backtrack.bench;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.backtrack.devstack.DemoUserTokens;
import org.backtrack.devstack.DevStack;
import org.backtrack.devstack.DevStackConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * The whole suite on the embedded default, on free ports and its own data directory, for a benchmark or a fault
 * test: the same {@link DevStack} as {@code ./backtrack up}, without the demo clinic.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
public final class Suite implements AutoCloseable {

    private final DevStackConfig config;
    private final DevStack stack;
    private final DemoUserTokens tokens;
    private final boolean deleteData;


    /**
     * @param home    the repository root (service jars under {@code <module>/target})
     * @param dataDir where the broker and the MongoDB-wire server keep their files; null for a temporary one
     */
    public static Suite start(Path home, Path dataDir, int partitions) throws Exception {
        return start(home, dataDir, partitions, DevStackConfig.DEFAULT_SERVICE_JVM_OPTIONS);
    }

    /** @param serviceJvmOptions options of every service JVM, e.g. without the devstack's C1-only default */
    public static Suite start(Path home, Path dataDir, int partitions, java.util.List<String> serviceJvmOptions) throws Exception {
        boolean temporary = dataDir == null;
        Path data = temporary ? Files.createTempDirectory("backtrack-bench") : dataDir;
        var config = new DevStackConfig(home, data, home.resolve("devstack/target/lib"), "127.0.0.1",
                freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), 0, partitions,
                serviceJvmOptions);
        return new Suite(config, DevStack.start(config), new DemoUserTokens(config.issuerUrl()), temporary);
    }

    public DevStackConfig config() {
        return config;
    }

    public DevStack stack() {
        return stack;
    }

    public DemoUserTokens tokens() {
        return tokens;
    }

    public String catalogUrl() {
        return "http://" + config.host() + ":" + config.catalogPort();
    }

    public String routineUrl() {
        return "http://" + config.host() + ":" + config.routinePort();
    }

    public String gatewayUrl() {
        return config.gatewayUrl();
    }

    public String progressUrl() {
        return "http://" + config.host() + ":" + config.progressPort();
    }

    @Override
    public void close() {
        stack.close();
        if (deleteData) {
            try (var files = Files.walk(config.dataDir())) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temporary directory; the OS cleans it eventually
            }
        }
    }

    /** A port free now, for a further service instance. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
