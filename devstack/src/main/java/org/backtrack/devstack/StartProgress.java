package org.backtrack.devstack;

import java.io.PrintStream;
import java.time.Duration;

/**
 * What {@code ./backtrack up} shows while it works: each phase with the time since the command started, and a bar for
 * long phases. On a terminal the bar is redrawn in place; in a log (no console) it is written at each quarter, so
 * captured output stays short.
 */
final class StartProgress {

    private static final int BAR_WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final long startedNanos;
    private int lastQuarter = -1;

    StartProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
        this.startedNanos = System.nanoTime();
    }

    /** For the command line: a terminal when the JVM has a console. */
    static StartProgress onConsole() {
        return new StartProgress(System.out, System.console() != null);
    }

    /** Quiet, for tests and benchmarks that start the suite through the API. */
    static StartProgress silent() {
        return new StartProgress(new PrintStream(java.io.OutputStream.nullOutputStream()), false);
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    synchronized void phase(String text) {
        out.printf("[%6.1f s] %s%n", elapsed().toMillis() / 1000.0, text);
        out.flush();
    }

    /** {@code done} of {@code total} units of a long phase have finished. */
    synchronized void bar(String label, int done, int total) {
        int quarter = total == 0 ? 4 : done * 4 / total;
        if (terminal) {
            int filled = total == 0 ? BAR_WIDTH : done * BAR_WIDTH / total;
            out.printf("\r[%6.1f s] %s [%s%s] %d/%d", elapsed().toMillis() / 1000.0, label, "#".repeat(filled),
                    ".".repeat(BAR_WIDTH - filled), done, total);
            if (done >= total) {
                out.println();
            }
            out.flush();
        } else if (quarter != lastQuarter) {
            lastQuarter = quarter;
            phase(label + " " + done + "/" + total);
        }
    }
}
