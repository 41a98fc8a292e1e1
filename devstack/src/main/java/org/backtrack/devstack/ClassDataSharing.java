package org.backtrack.devstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Application class-data sharing for the service JVMs, as the JDK and Spring Boot offer it. Once per build, each
 * service's jar is extracted by Spring Boot's {@code jarmode=tools} (CDS cannot archive classes read from nested
 * jars) and started once as a training run that refreshes its application context and exits
 * ({@code -Dspring.context.exit=onRefresh}), writing the classes it loaded to an archive
 * ({@code -XX:ArchiveClassesAtExit}). Every later start maps that archive instead of loading, parsing and verifying
 * those classes again. Archives live beside the jar ({@code <service>/target/cds/}), so a rebuilt jar gets a new
 * one and an empty data directory still starts quickly. Without an archive a service simply starts from its jar:
 * class-data sharing never decides whether the suite starts.
 */
final class ClassDataSharing {

    private static final Logger log = LoggerFactory.getLogger(ClassDataSharing.class);
    private static final long TRAINING_TIMEOUT_SECONDS = 180;

    /** The jar a service runs from and the JVM options that read its archive. */
    record Launch(Path jar, List<String> jvmOptions) {
    }

    /** Every JVM devstack launches from a Spring Boot jar. */
    static final List<String> SERVICE_MODULES = List.of("local-issuer", "gateway", "catalog-service", "routine-service",
            "progress-service");

    private ClassDataSharing() {
    }

    /** {@code ./backtrack build} trains the archives right after packaging, so the first start is quick too. */
    public static void main(String[] args) throws Exception {
        trainMissing(SERVICE_MODULES, DevStackConfig.from(args, System.getenv()), StartProgress.onConsole());
    }

    /** How to launch {@code module}: from its archive when one was trained for exactly this jar, else from the jar. */
    static Launch launchOf(String module, Path jar) throws IOException {
        Paths paths = new Paths(module, jar);
        if (!paths.isCurrent()) {
            return new Launch(jar, List.of());
        }
        // -Xshare:auto: an archive the JVM cannot use is ignored, never a reason not to start
        return new Launch(paths.runnable(), List.of("-XX:SharedArchiveFile=" + paths.archive(), "-Xshare:auto",
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
    }

    /** Trains an archive for each module whose jar has none yet, two at a time; a failed training is only logged. */
    static void trainMissing(List<String> modules, DevStackConfig config, StartProgress progress) throws Exception {
        List<Paths> missing = new ArrayList<>();
        for (String module : modules) {
            Paths paths = new Paths(module, ServiceProcess.jarOf(config.home(), module));
            if (!paths.isCurrent()) {
                missing.add(paths);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        progress.phase("Preparing class-data archives for " + missing.size() + " services (once per build)");
        Path scratch = Files.createTempDirectory("backtrack-cds-training");
        int mongoPort = freePort();
        MongoStore mongo = MongoStore.start(scratch.resolve("training.mv"), "127.0.0.1", mongoPort);
        ExecutorService trainers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            int[] done = {0};
            for (Paths paths : missing) {
                runs.add(trainers.submit(() -> {
                    train(paths, "mongodb://127.0.0.1:" + mongoPort + "/cds-training");
                    synchronized (done) {
                        progress.bar("Class-data archives", ++done[0], missing.size());
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            trainers.shutdownNow();
            mongo.close();
            deleteTree(scratch);
        }
    }

    private static void train(Paths paths, String mongoUri) {
        try {
            deleteTree(paths.home());
            Files.createDirectories(paths.home());
            Path log = paths.home().resolve("training.log");
            run(List.of(ChildProcess.javaExecutable(), "-Djarmode=tools", "-jar", paths.jar().toString(), "extract",
                    "--destination", paths.extracted().toString()), log);
            List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable()));
            command.addAll(DevStackConfig.DEFAULT_SERVICE_JVM_OPTIONS);
            // a JVM that crashes while dumping writes its report beside the training log, not into the user's clone
            command.add("-XX:ErrorFile=" + paths.home().resolve("hs_err_pid%p.log"));
            command.addAll(List.of("-XX:ArchiveClassesAtExit=" + paths.archive(), "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                    "-Dspring.context.exit=onRefresh", "-jar", paths.runnable().toString(),
                    "--server.port=0", "--spring.mongodb.uri=" + mongoUri,
                    // no broker during training: nothing may try to reach one while the context refreshes
                    "--spring.kafka.bootstrap-servers=127.0.0.1:1", "--spring.kafka.admin.auto-create=false"));
            // progress-service requires a webhook secrets key: a throwaway one (nothing is stored during training)
            byte[] throwaway = new byte[32];
            new java.security.SecureRandom().nextBytes(throwaway);
            command.add("--backtrack.webhooks.encryption-key=" + java.util.Base64.getEncoder().encodeToString(throwaway));
            run(command, log);
            if (!Files.exists(paths.archive())) {
                throw new IOException("no archive written; see " + log);
            }
            Files.writeString(paths.identityFile(), paths.identity());
        } catch (Exception e) {
            log.warn("No class-data archive for {} ({}); it starts from its jar", paths.module(), e.getMessage());
        }
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(TRAINING_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("timed out; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IOException("exit code " + process.exitValue() + "; see " + log);
        }
    }

    /** Where one module's archive lives, and whether it was trained for the jar now built. */
    private record Paths(String module, Path jar) {
        Path home() {
            return jar.getParent().resolve("cds");
        }

        Path extracted() {
            return home().resolve("app");
        }

        Path runnable() {
            return extracted().resolve(jar.getFileName());
        }

        Path archive() {
            return home().resolve(module + ".jsa");
        }

        Path identityFile() {
            return home().resolve("trained-for");
        }

        String identity() throws IOException {
            return jar.getFileName() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        }

        boolean isCurrent() throws IOException {
            return Files.exists(archive()) && Files.exists(runnable()) && Files.exists(identityFile())
                    && Files.readString(identityFile()).equals(identity());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
