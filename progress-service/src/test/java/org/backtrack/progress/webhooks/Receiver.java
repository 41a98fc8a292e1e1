package org.backtrack.progress.webhooks;

import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.backtrack.testsupport.TestDefaults.JSON;

/**
 * The real receiver process of the webhook tests: {@code webhooks/receiver.js} on Node, verifying with the npm
 * {@code standardwebhooks} package that {@code .ci/run} installs into {@code .ci/tools} (or {@code BACKTRACK_STANDARDWEBHOOKS}
 * names). Without Node or the package the tests using it are skipped.
 */
final class Receiver implements AutoCloseable {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private final int port;
    private final Path dir;
    private Process process;

    Receiver(int port) throws IOException {
        this.port = port;
        this.dir = Files.createTempDirectory("webhook-receiver");
        secrets(Map.of());
    }

    static Path standardWebhooks() {
        String configured = System.getenv("BACKTRACK_STANDARDWEBHOOKS");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : ROOT.resolve(".ci/tools/node_modules/standardwebhooks");
    }

    static boolean available() {
        if (!Files.isRegularFile(standardWebhooks().resolve("package.json"))) {
            return false;
        }
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            return node.waitFor(20, TimeUnit.SECONDS) && node.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** The secrets each path accepts from now on. */
    void secrets(Map<String, List<String>> byPath) throws IOException {
        Path written = dir.resolve("secrets.json.tmp");
        Files.writeString(written, JSON.writeValueAsString(byPath));
        Files.move(written, dir.resolve("secrets.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    void start() throws IOException, InterruptedException {
        Path script = dir.resolve("receiver.js");
        try (var in = Receiver.class.getResourceAsStream("/webhooks/receiver.js")) {
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        ProcessBuilder builder = new ProcessBuilder("node", script.toString(), Integer.toString(port), dir.toString())
                .redirectErrorStream(true);
        builder.environment().put("NODE_PATH", standardWebhooks().getParent().toString());
        process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!"listening".equals(line)) {
            throw new IllegalStateException("the receiver did not start: " + line);
        }
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // its output is not needed
                }
            } catch (IOException ignored) {
                // stopped
            }
        });
        drain.setDaemon(true);
        drain.start();
    }

    /** Stops the process (SIGTERM, then SIGKILL): the port refuses connections until {@link #start()}. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** Every request received so far, in order. */
    List<JsonNode> received() throws IOException {
        Path file = dir.resolve("received.jsonl");
        List<JsonNode> lines = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
        }
        return lines;
    }

    List<JsonNode> receivedOn(String path) throws IOException {
        return received().stream().filter(r -> path.equals(r.get("path").asString())).toList();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
