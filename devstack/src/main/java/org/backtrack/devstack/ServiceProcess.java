package org.backtrack.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** One Spring Boot service started from its jar as a child JVM, ready when its health endpoint says UP. */
final class ServiceProcess implements AutoCloseable {

    private final ChildProcess process;
    private final String healthUrl;

    private ServiceProcess(ChildProcess process, String healthUrl) {
        this.process = process;
        this.healthUrl = healthUrl;
    }

    /**
     * @param name        the instance's name (its log is {@code <name>.log}): the module's, or another for a further instance
     * @param environment further settings as environment variables (Spring's relaxed binding), e.g. credentials
     */
    static ServiceProcess start(String name, String module, int port, List<String> properties, Map<String, String> environment,
                                DevStackConfig config) throws IOException {
        Path jar = jarOf(config.home(), module);
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaExecutable());
        command.addAll(config.serviceJvmOptions());
        if (config.classDataSharing()) {
            ClassDataSharing.Launch launch = ClassDataSharing.launchOf(module, jar);
            command.addAll(launch.jvmOptions());
            jar = launch.jar();
        }
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.add("--server.address=" + config.host());
        command.addAll(properties);
        ChildProcess child = ChildProcess.start(name, command, environment, config.dataDir().resolve("logs").resolve(name + ".log"));
        return new ServiceProcess(child, "http://" + config.host() + ":" + port + "/actuator/health");
    }

    static Path jarOf(Path home, String module) throws IOException {
        Path target = home.resolve(module).resolve("target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                var jar = files.filter(p -> p.getFileName().toString().matches(module + "-.*\\.jar")).findFirst();
                if (jar.isPresent()) {
                    return jar.get();
                }
            }
        }
        throw new DevStackException("No jar of " + module + " under " + target + "; build first: ./mvnw -DskipTests package");
    }

    String name() {
        return process.name();
    }

    long pid() {
        return process.pid();
    }

    void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new DevStackException(process.name() + " exited during start-up; last lines of " + process.log()
                        + ":\n" + process.logTail(40));
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(healthUrl))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new DevStackException(process.name() + " did not report UP within " + timeout.toSeconds() + " s; see " + process.log());
    }

    /** Sends SIGTERM without waiting; {@link #close} then waits. */
    void requestStop() {
        process.requestStop();
    }

    /** Kills the JVM without warning (kill -9). */
    void kill() {
        process.kill();
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(20));
    }
}
