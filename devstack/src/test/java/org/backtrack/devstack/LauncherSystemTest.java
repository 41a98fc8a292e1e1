package org.backtrack.devstack;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backtrack.testsupport.TestDefaults.JSON;

/**
 * The README's first command as a user runs it: the {@code backtrack} script (not the devstack API) on an empty data
 * directory, in its own process group with SIGINT at its default disposition, as a terminal starts it. It must print
 * the ready line, let a clinician sign in and read the demo clinic, stop on SIGTERM, start again on the same data
 * without seeding again, and stop on Ctrl-C (SIGINT to the whole process group, as a terminal sends it), leaving no
 * process behind either time. It runs first among devstack's test classes (junit-platform.properties), before the
 * shared suite of the other system tests starts.
 */
@Order(1)
class LauncherSystemTest {

    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final int PATIENTS = 6;
    static final Duration READY_WITHIN = Duration.ofMinutes(4);
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static Path dataDir;
    static List<String> ports;
    static int gatewayPort;
    static int issuerPort;

    /** JVM crash reports in the clone's top directory before the test (an earlier run's), to tell a new one. */
    static final Set<Path> CRASH_REPORTS_BEFORE = crashReports();

    static Set<Path> crashReports() {
        try (var files = Files.list(HOME)) {
            return files.filter(f -> f.getFileName().toString().matches("hs_err_pid\\d+\\.log")).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    static void freshDataDirectoryAndPorts() throws Exception {
        // the shared suite of the other system tests would only compete for the two cores (it has not started when
        // this class runs first; this stops it when the class runs alone after others)
        SuiteUnderTest.stop();
        dataDir = Files.createTempDirectory("backtrack-launcher");
        Files.delete(dataDir); // the launcher creates it, as on a fresh clone
        gatewayPort = freePort();
        issuerPort = freePort();
        ports = List.of("--gateway-port=" + gatewayPort, "--issuer-port=" + issuerPort, "--kafka-port=" + freePort(),
                "--controller-port=" + freePort(), "--mongo-port=" + freePort(), "--catalog-port=" + freePort(),
                "--routine-port=" + freePort(), "--progress-port=" + freePort());
        // the reactor has just built every jar the launcher needs: its stamp says so, so it does not build again
        Files.createDirectories(HOME.resolve("target"));
        Files.writeString(HOME.resolve("target/.backtrack-build-stamp"), "");
    }

    /** Every launch, so that a failed assertion never leaves a suite running behind the test. */
    static final List<Launch> LAUNCHES = new ArrayList<>();

    @AfterAll
    static void removeDataDirectory() throws Exception {
        for (Launch launch : LAUNCHES) {
            if (launch.process.isAlive()) {
                List<ProcessHandle> parts = launch.descendants();
                new ProcessBuilder("kill", "-TERM", "--", "-" + launch.pid()).inheritIO().start().waitFor();
                if (!launch.process.waitFor(90, TimeUnit.SECONDS)) {
                    launch.process.destroyForcibly();
                }
                parts.forEach(ProcessHandle::destroyForcibly);
            }
        }
        if (dataDir != null && Files.exists(dataDir)) {
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void startsSignsInStopsOnSigtermStartsAgainOnTheSameDataAndStopsOnCtrlC() throws Exception {
        Launch first = launch("first");
        String firstOutput = first.awaitReady();
        assertThat(firstOutput).contains("Seeding the demo clinic").contains("Ready").contains("http://127.0.0.1:" + gatewayPort + "/");
        // every service got its class-data archive (a JVM crash while writing one left a report in the clone)
        assertThat(firstOutput).doesNotContain("No class-data archive");
        assertThat(crashReports()).as("JVM crash reports in the clone").isEqualTo(CRASH_REPORTS_BEFORE);
        Map<String, Integer> seededSessions = demoClinicSessionCounts();
        assertThat(seededSessions).hasSize(PATIENTS);
        assertThat(Files.readString(dataDir.resolve(DevStack.PID_FILE)).trim()).isEqualTo(String.valueOf(first.pid()));

        List<ProcessHandle> firstParts = first.descendants();
        assertThat(firstParts).hasSizeGreaterThanOrEqualTo(6); // broker and five Spring Boot JVMs
        signal("-TERM", String.valueOf(first.pid()));
        first.awaitExit();
        assertThat(first.output()).contains("Stopped. Data kept in");
        assertThat(firstParts).noneMatch(ProcessHandle::isAlive);
        assertThat(dataDir.resolve(DevStack.PID_FILE)).doesNotExist();

        Launch second = launch("second");
        String secondOutput = second.awaitReady();
        // the same data: every patient with the sessions they had, not seeded again
        assertThat(secondOutput).doesNotContain("Seeding");
        assertThat(demoClinicSessionCounts()).isEqualTo(seededSessions);
        assertThat(Files.readString(dataDir.resolve(DevStack.SEEDED_MARKER))).contains(PATIENTS + " patients");

        List<ProcessHandle> secondParts = second.descendants();
        signal("-INT", "--", "-" + second.pid()); // Ctrl-C: the terminal signals the whole foreground process group
        second.awaitExit();
        assertThat(second.output()).contains("Stopped. Data kept in");
        assertThat(secondParts).noneMatch(ProcessHandle::isAlive);
        System.out.printf("launcher: first start ready in %s, second (existing data) in %s%nfirst start as shown:%n%s%n",
                first.readyAfter, second.readyAfter, firstOutput);
    }

    /** The demo clinic's patients with their session counts, as the clinic overview answers a clinician. */
    Map<String, Integer> demoClinicSessionCounts() throws Exception {
        var token = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + issuerPort + "/dev/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=dr.lee&password=" + DevStack.DEMO_PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(200);
        String accessToken = JSON.readTree(token.body()).get("access_token").asString();
        var patients = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort
                + "/api/v1/clinics/" + DemoClinic.CLINIC_ID + "/patients?size=200")).header("Authorization", "Bearer " + accessToken).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(patients.statusCode()).as(patients.body()).isEqualTo(200);
        return DevStackSystemTest.sessionCounts(patients.body());
    }

    Launch launch(String name) throws IOException {
        Path output = Files.createTempFile("backtrack-" + name, ".out");
        List<String> command = new ArrayList<>(List.of("perl", "-e",
                // a new session and process group, and Ctrl-C's default action, whatever this JVM inherited
                "use POSIX (); $SIG{INT} = 'DEFAULT'; POSIX::setsid(); exec @ARGV or die \"exec: $!\"",
                "./backtrack", "up", "--data-dir=" + dataDir, "--seed-patients=" + PATIENTS));
        command.addAll(ports);
        Process process = new ProcessBuilder(command).directory(HOME.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        Launch launch = new Launch(process, output);
        LAUNCHES.add(launch);
        return launch;
    }

    static void signal(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill"));
        command.addAll(List.of(args));
        assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).isZero();
    }

    static final class Launch {
        final Process process;
        final Path output;
        Duration readyAfter;

        Launch(Process process, Path output) {
            this.process = process;
            this.output = output;
        }

        long pid() {
            return process.pid();
        }

        String output() throws IOException {
            return Files.readString(output);
        }

        String awaitReady() throws Exception {
            long started = System.nanoTime();
            long deadline = started + READY_WITHIN.toNanos();
            while (System.nanoTime() < deadline) {
                String text = output();
                if (text.contains("BackTrack is running.")) {
                    readyAfter = Duration.ofNanos(System.nanoTime() - started);
                    return text;
                }
                assertThat(process.isAlive()).as("the launcher exited before it was ready:%n%s", text).isTrue();
                Thread.sleep(500);
            }
            throw new AssertionError("not ready within " + READY_WITHIN + ":\n" + output());
        }

        List<ProcessHandle> descendants() {
            return process.descendants().toList();
        }

        void awaitExit() throws Exception {
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("the launcher stopped within 90 s").isTrue();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
