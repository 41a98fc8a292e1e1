package org.backtrack.testsupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class OutsideToolsTest {

    @TempDir
    Path dir;

    @Test
    void withNoInstallRunningTheAnswerIsImmediate() {
        OutsideTools.awaitInstall(dir.resolve("pending"), Duration.ZERO);
    }

    @Test
    void aRunningInstallIsWaitedForUntilItsMarkerIsGone() throws Exception {
        Path pending = Files.createFile(dir.resolve("pending"));
        CompletableFuture.runAsync(() -> {
            try {
                Files.delete(pending);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, CompletableFuture.delayedExecutor(600, TimeUnit.MILLISECONDS));

        long start = System.nanoTime();
        OutsideTools.awaitInstall(pending, Duration.ofSeconds(30));

        assertThat(Files.exists(pending)).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
    }

    @Test
    void anInstallThatNeverEndsIsReportedNotWaitedForForever() throws Exception {
        Path pending = Files.createFile(dir.resolve("pending"));

        assertThatIllegalStateException().isThrownBy(() -> OutsideTools.awaitInstall(pending, Duration.ofMillis(300)))
                .withMessageContaining("still running");
    }
}
