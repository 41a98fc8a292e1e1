package org.backtrack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One line about the machine a figure was measured on. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return "%d cores (%s), %s RAM, %s %s, Java %s (%s)".formatted(Runtime.getRuntime().availableProcessors(),
                firstValue("/proc/cpuinfo", "model name").orElse("unknown CPU"),
                firstValue("/proc/meminfo", "MemTotal").map(Machine::gigabytes).orElse("?"),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"),
                System.getProperty("java.vm.name"));
    }

    private static java.util.Optional<String> firstValue(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static String gigabytes(String meminfo) {
        return "%.1f GB".formatted(Long.parseLong(meminfo.replaceAll("\\D", "")) / 1024.0 / 1024.0);
    }
}
