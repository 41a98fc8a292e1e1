package org.backtrack.devstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole suite as {@code ./backtrack up} runs it, started once per test JVM on free ports and a temporary
 * data directory, and shared by the system and browser tests (each start costs half a minute on two cores).
 */
final class SuiteUnderTest {

    static final int SEED_PATIENTS = 2;

    private static DevStackConfig config;
    private static DevStack stack;

    private SuiteUnderTest() {
    }

    static synchronized DevStackConfig config() throws Exception {
        start();
        return config;
    }

    static synchronized void start() throws Exception {
        if (stack != null) {
            return;
        }
        if (config == null) {
            Path home = Path.of("..").toAbsolutePath().normalize();
            Path dataDir = Files.createTempDirectory("backtrack-suite");
            config = new DevStackConfig(home, dataDir, Path.of("target/lib").toAbsolutePath(), "127.0.0.1",
                    freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), SEED_PATIENTS, 3,
                    DevStackConfig.DEFAULT_SERVICE_JVM_OPTIONS);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop();
                deleteQuietly(dataDir);
            }, "suite-stop"));
        }
        stack = DevStack.start(config);
        System.out.println("devstack start times: " + stack.startTimes());
    }

    /** Stops every part and starts again on the same data directory. */
    static synchronized void restart() throws Exception {
        stop();
        start();
    }

    static synchronized void stopKafka() {
        stack.stopKafka();
    }

    static synchronized void startKafka() throws Exception {
        stack.startKafka();
    }

    static synchronized void stopService(String module) {
        stack.stopService(module);
    }

    /** Starts a stopped service again as it was first launched, and waits until it is healthy. */
    static synchronized void restartService(String module) throws Exception {
        stack.restartService(module);
    }

    static synchronized void stop() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; the OS cleans it eventually
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
