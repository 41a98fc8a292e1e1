package org.backtrack.testsupport;

import org.awaitility.core.ConditionTimeoutException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The outside programs some tests run (Chromium, kcat, mongosh, the npm CLIs and packages). {@code .ci/run} installs
 * them while the build runs (the tests that need them come minutes later) and names, in
 * {@code BACKTRACK_TOOLS_PENDING}, a file that exists until that install is over. A test asks here whether its tool is
 * there: the answer waits for the install, so CI never skips a check because the install was still running. Where a
 * tool is missing after the install (or without CI), the test is reported as skipped, as before.
 */
public final class OutsideTools {

    static final String PENDING = "BACKTRACK_TOOLS_PENDING";
    /** Far above the install's minute or two; an install that hangs longer than this is reported, not waited for. */
    static final Duration MAX_WAIT = Duration.ofMinutes(15);

    private OutsideTools() {
    }

    /** Skips the calling test unless {@code installed} holds once the install (if one is running) is over. */
    public static void assumeInstalled(BooleanSupplier installed, String missing) {
        awaitInstall();
        assumeTrue(installed.getAsBoolean(), missing);
    }

    static void awaitInstall() {
        String marker = System.getenv(PENDING);
        if (marker != null && !marker.isBlank()) {
            awaitInstall(Path.of(marker), MAX_WAIT);
        }
    }

    static void awaitInstall(Path pending, Duration maxWait) {
        if (!Files.exists(pending)) {
            return;
        }
        try {
            await().atMost(maxWait).pollInterval(Duration.ofMillis(200)).until(() -> !Files.exists(pending));
        } catch (ConditionTimeoutException stillRunning) {
            throw new IllegalStateException("the outside tools' install (" + pending + ") is still running after " + maxWait);
        }
    }
}
