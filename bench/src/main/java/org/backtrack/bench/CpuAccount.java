package org.backtrack.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * CPU time each part of the suite used between two moments, to say where the work of one logged session goes. A
 * service, the broker and the issuer are processes of their own: their user and system time from
 * {@code /proc/<pid>/stat}. The MongoDB-wire server runs inside the bench's JVM, so that JVM is split by thread: the
 * server's threads (its network workers, H2's store writer and serializer) against the rest (load generator, observer, raw
 * baseline). Linux only; elsewhere every figure is missing rather than wrong.
 */
final class CpuAccount {

    static final String WIRE_SERVER = "MongoDB-wire server (bench JVM threads)";
    static final String BENCH = "bench: load, observer, raw baseline";

    /** Clock ticks per second of {@code /proc/<pid>/stat}: USER_HZ, 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuAccount() {
    }

    /** CPU seconds used so far by each part, by name. */
    static Map<String, Double> now(Supplier<Map<String, Long>> pids) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        pids.get().forEach((part, pid) -> processSeconds(pid).ifPresent(s -> seconds.put(part, s)));
        double wireServer = 0;
        double bench = 0;
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread == null) {
                continue; // ended since the ids were listed
            }
            long nanos = THREADS.getThreadCpuTime(thread.getThreadId());
            if (nanos < 0) {
                continue;
            }
            if (isWireServer(thread.getThreadName())) {
                wireServer += nanos / 1e9;
            } else {
                bench += nanos / 1e9;
            }
        }
        // threads that ended (HTTP client pools, consumers of finished rounds) count towards the bench: the JVM's total
        // minus the wire server's live threads, whose CPU stays counted for as long as they run
        double jvm = processSeconds(ProcessHandle.current().pid()).orElse(wireServer + bench);
        seconds.put(WIRE_SERVER, wireServer);
        seconds.put(BENCH, Math.max(bench, jvm - wireServer));
        return seconds;
    }

    /** What each part used from {@code before} to {@code after}, in seconds. */
    static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((part, seconds) -> used.put(part, seconds - before.getOrDefault(part, 0.0)));
        return used;
    }

    static boolean isWireServer(String threadName) {
        return threadName.startsWith("mongo-server-") || threadName.startsWith("MVStore") || threadName.startsWith("H2-");
    }

    /** User plus system time of a process, from the fields after the command name (which may hold spaces). */
    static OptionalDouble processSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return parseStat(stat);
        } catch (IOException | RuntimeException e) {
            return OptionalDouble.empty();
        }
    }

    static OptionalDouble parseStat(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // after "pid (comm) ": state is field 3 of proc(5), utime 14 and stime 15
        long utime = Long.parseLong(fields[11]);
        long stime = Long.parseLong(fields[12]);
        return OptionalDouble.of((utime + stime) / TICKS_PER_SECOND);
    }
}
