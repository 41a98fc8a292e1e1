package org.backtrack.devstack;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backtrack.testsupport.TestDefaults.JSON;
import static org.backtrack.testsupport.OutsideTools.assumeInstalled;

/**
 * The OpenAPI documents the running suite serves (each service's {@code /v3/api-docs} and the gateway's merged one)
 * pass Redocly CLI's {@code recommended} rules (npm {@code @redocly/cli}, installed by {@code .ci/run} into
 * {@code .ci/tools}) with no error and no warning, under the repository's {@code redocly.yaml}; where the CLI is not
 * installed the test is reported as skipped. The documents are written to {@code target/openapi/} for a reader.
 */
class OpenApiLintSystemTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path OUT = Path.of("target/openapi").toAbsolutePath();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static DevStackConfig config;

    static Path cli() {
        String configured = System.getenv("BACKTRACK_REDOCLY_CLI");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : ROOT.resolve(".ci/tools/node_modules/.bin/redocly");
    }

    @BeforeAll
    static void suite() throws Exception {
        assumeInstalled(() -> Files.isExecutable(cli()), "@redocly/cli is not installed (.ci/run installs it): " + cli());
        config = SuiteUnderTest.config();
    }

    @ParameterizedTest
    @ValueSource(strings = {"catalog-service", "routine-service", "progress-service", "gateway"})
    void theDocumentPassesTheRecommendedRulesWithoutWarnings(String service) throws Exception {
        int port = switch (service) {
            case "catalog-service" -> config.catalogPort();
            case "routine-service" -> config.routinePort();
            case "progress-service" -> config.progressPort();
            default -> config.gatewayPort();
        };
        var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + config.host() + ":" + port + "/v3/api-docs"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(service + " /v3/api-docs").isEqualTo(200);
        Files.createDirectories(OUT);
        Path document = OUT.resolve(service + ".json");
        Files.writeString(document, response.body());

        var process = new ProcessBuilder(cli().toString(), "lint", document.toString(),
                "--config=" + ROOT.resolve("redocly.yaml"), "--format=json", "--max-problems=1000");
        process.environment().put("REDOCLY_TELEMETRY", "off");
        process.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        process.environment().put("CI", "true");
        process.redirectError(OUT.resolve(service + ".lint.log").toFile());
        process.directory(OUT.toFile());
        Process running = process.start();
        byte[] out = running.getInputStream().readAllBytes();
        assertThat(running.waitFor(120, TimeUnit.SECONDS)).as("redocly lint finished").isTrue();
        String output = new String(out, StandardCharsets.UTF_8);
        Files.writeString(OUT.resolve(service + ".lint.json"), output);
        JsonNode report = JSON.readTree(output.substring(output.indexOf('{')));
        List<String> problems = new ArrayList<>();
        for (JsonNode problem : report.path("problems")) {
            problems.add(problem.path("severity").asString() + " " + problem.path("ruleId").asString() + ": "
                    + problem.path("message").asString() + " at " + problem.path("location").path(0).path("pointer").asString());
        }
        JsonNode totals = report.path("totals");
        System.out.printf("redocly lint %s: %d errors, %d warnings, %d ignored%n", service,
                totals.path("errors").asInt(), totals.path("warnings").asInt(), totals.path("ignored").asInt());
        assertThat(problems).as(service + " (documents and reports in " + OUT + ")").isEmpty();
        assertThat(totals.path("errors").asInt() + totals.path("warnings").asInt()).isZero();
    }
}
