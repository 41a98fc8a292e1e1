package org.backtrack.devstack;

import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * What {@code ./backtrack up} shows while it works: each phase with the time since the command started, and a bar for
 * long phases. On a terminal the bar is redrawn in place; elsewhere it is written at each quarter, so captured output
 * stays short. Each phase is said once: on the console for the command line, in the log when the suite is started
 * through the API.
 */
final class StartProgress {

    private static final int BAR_WIDTH = 30;

    private final Consumer<String> lines;
    private final PrintStream terminal;
    private final long startedNanos;
    private int lastQuarter = -1;

    /** @param terminal where the bar is redrawn in place, or null to write it as lines at each quarter */
    private StartProgress(Consumer<String> lines, PrintStream terminal) {
        this.lines = lines;
        this.terminal = terminal;
        this.startedNanos = System.nanoTime();
    }

    /** For the command line: the bar is redrawn in place when the JVM has a console. */
    static StartProgress onConsole() {
        PrintStream out = System.out;
        return new StartProgress(line -> {
            out.println(line);
            out.flush();
        }, System.console() != null ? out : null);
    }

    /** For tests and benchmarks that start the suite through the API: each line goes to the log at INFO. */
    static StartProgress logged() {
        var log = LoggerFactory.getLogger(DevStack.class);
        return new StartProgress(log::info, null);
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    synchronized void phase(String text) {
        lines.accept("[%6.1f s] %s".formatted(elapsed().toMillis() / 1000.0, text));
    }

    /** {@code done} of {@code total} units of a long phase have finished. */
    synchronized void bar(String label, int done, int total) {
        int quarter = total == 0 ? 4 : done * 4 / total;
        if (terminal != null) {
            int filled = total == 0 ? BAR_WIDTH : done * BAR_WIDTH / total;
            terminal.printf("\r[%6.1f s] %s [%s%s] %d/%d", elapsed().toMillis() / 1000.0, label, "#".repeat(filled),
                    ".".repeat(BAR_WIDTH - filled), done, total);
            if (done >= total) {
                terminal.println();
            }
            terminal.flush();
        } else if (quarter != lastQuarter) {
            lastQuarter = quarter;
            phase(label + " " + done + "/" + total);
        }
    }
}
