package org.backtrack.devstack;

import org.backtrack.testsupport.OutsideTools;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backtrack.testsupport.OutsideTools.assumeInstalled;

/**
 * The AsyncAPI document passes the official AsyncAPI CLI's validation (`asyncapi validate`, npm {@code @asyncapi/cli},
 * installed by {@code .ci/run} into {@code .ci/tools}) with no error and no warning; where the CLI is not installed the
 * test is reported as skipped. The CLI runs offline: {@code CI=true} turns its usage metrics off.
 * <p>
 * It checks the events module's document, but runs here, in the system-test module, with the other checks that need an
 * outside tool: {@code .ci/run} installs those while the build runs ({@link OutsideTools}).
 */
class AsyncApiCliValidationTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path DOCUMENT = ROOT.resolve("events/src/main/resources/asyncapi.yaml");

    static Path cli() {
        String configured = System.getenv("BACKTRACK_ASYNCAPI_CLI");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : ROOT.resolve(".ci/tools/node_modules/.bin/asyncapi");
    }

    @Test
    void theDocumentIsValidWithoutWarnings() throws IOException, InterruptedException {
        Path cli = cli();
        assumeInstalled(() -> Files.isExecutable(cli), "@asyncapi/cli is not installed (.ci/run installs it): " + cli);
        var process = new ProcessBuilder(cli.toString(), "validate", DOCUMENT.toString(), "--fail-severity=warn")
                .redirectErrorStream(true);
        process.environment().put("CI", "true");
        process.environment().put("SUPPRESS_NO_CONFIG_WARNING", "true");
        process.directory(Files.createTempDirectory("asyncapi-cli").toFile());
        Process running = process.start();
        assertThat(running.waitFor(120, TimeUnit.SECONDS)).as("asyncapi validate finished").isTrue();
        String output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(running.exitValue()).as(output).isZero();
        assertThat(output).contains("is valid").contains("0 errors, 0 warnings");
    }
}
