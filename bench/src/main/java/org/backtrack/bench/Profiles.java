package org.backtrack.bench;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./backtrack bench --profile=DIR}: a JFR recording (the JDK's "profile" settings) of every service JVM and of
 * the bench's own JVM, which hosts the MongoDB-wire server, written to DIR; after the run, each recording's execution
 * samples summed by the method on top of the stack, so the report says where each process spent its CPU. The
 * recordings stay in DIR for {@code jfr print --events jdk.ExecutionSample} or JDK Mission Control.
 */
final class Profiles {

    private static final Pattern PID = Pattern.compile("pid-(\\d+)");
    private static final int TOP = 12;

    private final Path dir;
    private final Recording own;

    private Profiles(Path dir, Recording own) {
        this.dir = dir;
        this.own = own;
    }

    /** The option that makes a service JVM record into {@code dir}, one file per process, written as it stops. */
    static String serviceJvmOption(Path dir) {
        return "-XX:StartFlightRecording=filename=" + dir.toAbsolutePath() + "/,settings=profile,dumponexit=true";
    }

    /** Starts recording the bench's own JVM. */
    static Profiles start(Path dir) throws IOException, ParseException {
        Files.createDirectories(dir);
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.setName("bench");
        recording.start();
        return new Profiles(dir, recording);
    }

    /**
     * Stops the bench's recording; call after the suite stopped, so the services' recordings are written too. Only
     * samples from {@code from} on count: the suite's start would otherwise be most of every service's profile.
     */
    List<String> summarize(Map<Long, String> partsByPid, Instant from) throws IOException {
        Path benchFile = dir.resolve("bench-and-wire-server.jfr");
        own.dump(benchFile);
        own.close();
        List<String> lines = new ArrayList<>();
        lines.add("## Where the CPU went (JFR execution samples, method on top of the stack)");
        lines.add("");
        lines.add("Recordings in `" + dir.toAbsolutePath() + "`; `jfr print --events jdk.ExecutionSample FILE` shows every sample"
                + " with its stack. Samples are taken every 10-20 ms of a running Java thread (native and GC time is not in them);"
                + " those of the suite's start are left out. Each process: its threads, the method on top of the stack, and the"
                + " nearest BackTrack method below it (the code that asked for the work).");
        lines.add("");
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jfr")).sorted().toList()) {
                String part = file.equals(benchFile) ? "bench JVM (load generator, observer, MongoDB-wire server)" : partOf(file, partsByPid);
                lines.addAll(summary(file, part, from));
            }
        }
        return lines;
    }

    private static String partOf(Path file, Map<Long, String> partsByPid) {
        Matcher pid = PID.matcher(file.getFileName().toString());
        return pid.find() ? partsByPid.getOrDefault(Long.parseLong(pid.group(1)), "pid " + pid.group(1)) : file.getFileName().toString();
    }

    private static List<String> summary(Path file, String part, Instant from) throws IOException {
        Map<String, Integer> byMethod = new HashMap<>();
        Map<String, Integer> byOwnCode = new HashMap<>();
        Map<String, Integer> byThread = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                    || event.getStackTrace().getFrames().isEmpty() || event.getStartTime().isBefore(from)) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            byMethod.merge(name(frames.get(0)), 1, Integer::sum);
            byOwnCode.merge(frames.stream().filter(f -> f.getMethod().getType().getName().startsWith("org.backtrack."))
                    .findFirst().map(Profiles::name).orElse("(no BackTrack frame: framework, broker or JVM work)"), 1, Integer::sum);
            var thread = event.getThread("sampledThread");
            byThread.merge(thread == null ? "?" : threadGroup(thread.getJavaName()), 1, Integer::sum);
        }
        List<String> lines = new ArrayList<>();
        lines.add("### " + part + ": " + samples + " samples");
        lines.add("");
        lines.add("Threads: " + String.join(", ", top(byThread, 6, samples).entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).toList()));
        lines.add("");
        lines.add("| method on top | share |");
        lines.add("|---|---|");
        top(byMethod, TOP, samples).forEach((method, share) -> lines.add("| `" + method + "` | " + share + " |"));
        lines.add("");
        lines.add("| nearest BackTrack method | share |");
        lines.add("|---|---|");
        top(byOwnCode, TOP, samples).forEach((method, share) -> lines.add("| `" + method + "` | " + share + " |"));
        lines.add("");
        return lines;
    }

    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }

    /** A thread's name without its number, so pools add up: "mongo-server-worker-3" is "mongo-server-worker". */
    static String threadGroup(String name) {
        return name == null ? "?" : name.replaceAll("[-#\\s]*\\d+$", "").replaceAll("-\\d+-", "-");
    }

    private static Map<String, String> top(Map<String, Integer> counts, int n, int total) {
        Map<String, String> top = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .forEach(e -> top.put(e.getKey(), "%.1f%%".formatted(100.0 * e.getValue() / Math.max(1, total))));
        return top;
    }
}
