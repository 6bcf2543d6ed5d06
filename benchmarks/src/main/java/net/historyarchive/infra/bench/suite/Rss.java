package net.historyarchive.infra.bench.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** Resident memory of a process from /proc/PID/status (VmRSS), and a sampler that keeps the peak. */
public final class Rss {

    private Rss() {
    }

    /** VmRSS in bytes, or -1 when the process is gone or /proc is not there. */
    public static long bytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024; // kB
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    public static String mb(long bytes) {
        return bytes < 0 ? "–" : String.format("%,.0f", bytes / 1024.0 / 1024.0);
    }

    /** Samples a process's RSS every {@code periodMillis} on a daemon thread until closed; keeps the maximum. */
    public static final class PeakSampler implements AutoCloseable {
        private final AtomicLong peak = new AtomicLong(-1);
        private final Thread thread;
        private volatile boolean running = true;

        public PeakSampler(long pid, long periodMillis) {
            thread = new Thread(() -> {
                while (running) {
                    long now = bytes(pid);
                    peak.accumulateAndGet(now, Math::max);
                    try {
                        Thread.sleep(periodMillis);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "rss-sampler-" + pid);
            thread.setDaemon(true);
            thread.start();
        }

        public long peak() {
            return peak.get();
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }
}
