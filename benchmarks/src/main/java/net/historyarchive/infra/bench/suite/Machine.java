package net.historyarchive.infra.bench.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** What a result was measured on: date, commit, processors, memory, Java, load average. */
public final class Machine {

    private Machine() {
    }

    /** The commit under test: -Dbench.commit (the archive script sets it from git), else "unknown". */
    public static String commit() {
        String c = System.getProperty("bench.commit", "");
        return c.isBlank() ? "unknown" : c;
    }

    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    public static long memoryBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return -1;
    }

    /** One line for a report's header. */
    public static String describe() {
        return String.format("%s, commit %s, %d processors, %.0f GiB RAM, Java %s (%s), load average before: %s",
                ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")), commit(),
                Runtime.getRuntime().availableProcessors(), memoryBytes() / 1024.0 / 1024 / 1024,
                System.getProperty("java.version"), System.getProperty("java.vm.name"), loadAverage());
    }

    /** Other JVMs and heavy processes running now (a benchmark on a busy machine says so). */
    public static String busyProcesses() {
        try (var stream = Files.list(Path.of("/proc"))) {
            List<String> found = stream.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .map(p -> {
                        try {
                            return Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                        } catch (IOException e) {
                            return "";
                        }
                    })
                    // Maven's launcher class, not the jar: the benchmark's own classpath holds plexus-classworlds
                    .filter(cmd -> cmd.contains("org.codehaus.plexus.classworlds.launcher.Launcher") || cmd.contains("surefirebooter"))
                    .map(cmd -> cmd.contains("surefirebooter") ? "a surefire test JVM" : "a Maven build")
                    .toList();
            return found.isEmpty() ? "no Maven builds or test JVMs running" : String.join(", ", found) + " running";
        } catch (IOException e) {
            return "unknown";
        }
    }
}
