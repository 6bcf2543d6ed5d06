package net.historyarchive.infra.bench.footprint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A memory control group with a hard limit, as a container runtime makes one for a pod's
 * container: the processes started in it see the limit (the JVM sizes its heap from it) and the
 * kernel's OOM killer acts at it. cgroup v2 (memory.max) where the memory controller is on the
 * unified hierarchy, else cgroup v1 (memory.limit_in_bytes). Needs write access to the hierarchy
 * (root, or a delegated subtree).
 */
final class MemoryCgroup implements AutoCloseable {

    private final Path dir;
    private final boolean v2;

    private MemoryCgroup(Path dir, boolean v2) {
        this.dir = dir;
        this.v2 = v2;
    }

    /** A new child of this process's own memory cgroup, limited to {@code limitBytes}. */
    static MemoryCgroup create(String name, long limitBytes) throws IOException {
        List<String> own = Files.readAllLines(Path.of("/proc/self/cgroup"), StandardCharsets.UTF_8);
        Optional<String> v1 = own.stream().filter(l -> l.matches("\\d+:([^:]*,)?memory(,[^:]*)?:.*")).findFirst();
        Path base;
        boolean unified;
        if (v1.isPresent() && Files.isDirectory(Path.of("/sys/fs/cgroup/memory"))) {
            base = Path.of("/sys/fs/cgroup/memory" + v1.get().substring(v1.get().lastIndexOf(':') + 1));
            unified = false;
        } else {
            String path = own.stream().filter(l -> l.startsWith("0::")).findFirst()
                    .orElseThrow(() -> new IOException("no memory cgroup for this process: " + own)).substring(3);
            base = Path.of("/sys/fs/cgroup" + path);
            unified = true;
        }
        Path dir = base.resolve(name);
        Files.createDirectories(dir);
        MemoryCgroup group = new MemoryCgroup(dir, unified);
        group.write(unified ? "memory.max" : "memory.limit_in_bytes", Long.toString(limitBytes));
        if (unified) {
            // No swap either, as in a Kubernetes pod without swap.
            group.writeIfPresent("memory.swap.max", "0");
        }
        return group;
    }

    Path dir() {
        return dir;
    }

    String version() {
        return v2 ? "cgroup v2" : "cgroup v1";
    }

    /** The file a process writes its pid to, to move itself in (before exec'ing the JVM). */
    Path procsFile() {
        return dir.resolve("cgroup.procs");
    }

    long limitBytes() throws IOException {
        return Long.parseLong(read(v2 ? "memory.max" : "memory.limit_in_bytes"));
    }

    /** The most memory charged to the group at once (page cache of its files included). */
    long peakBytes() throws IOException {
        return Long.parseLong(read(v2 ? "memory.peak" : "memory.max_usage_in_bytes"));
    }

    /** Processes the kernel killed for hitting the limit. */
    long oomKills() throws IOException {
        String file = v2 ? "memory.events" : "memory.oom_control";
        for (String line : read(file).split("\n")) {
            if (line.startsWith("oom_kill ")) {
                return Long.parseLong(line.substring("oom_kill ".length()).strip());
            }
        }
        return 0;
    }

    private String read(String file) throws IOException {
        return Files.readString(dir.resolve(file), StandardCharsets.UTF_8).strip();
    }

    private void write(String file, String value) throws IOException {
        Files.writeString(dir.resolve(file), value, StandardCharsets.UTF_8);
    }

    private void writeIfPresent(String file, String value) throws IOException {
        if (Files.exists(dir.resolve(file))) {
            write(file, value);
        }
    }

    /** Removes the group; its processes must have ended. */
    @Override
    public void close() throws IOException {
        Files.deleteIfExists(dir);
    }
}
