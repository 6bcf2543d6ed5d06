package net.historyarchive.search.ingest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * CPU time spent by the embedded PostgreSQL server (every process of the postmaster that serves
 * the given connection, ended ones included) and by a named JVM thread. On a machine shared with
 * other work, CPU seconds per event are a steadier figure than events per wall-clock second.
 * Linux only (reads /proc); returns -1 elsewhere.
 */
final class CpuMeter {

    private static final long TICKS_PER_SECOND = 100; // USER_HZ, 100 on every common Linux build

    private CpuMeter() {
    }

    static long postgresNanos(Connection connection) throws SQLException {
        long backend;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            backend = rs.getLong(1);
        }
        try {
            long postmaster = Long.parseLong(stat(backend)[1]);
            String[] own = stat(postmaster);
            // utime, stime, cutime, cstime of the postmaster (children that ended are in cutime/cstime)
            long ticks = Long.parseLong(own[11]) + Long.parseLong(own[12]) + Long.parseLong(own[13]) + Long.parseLong(own[14]);
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        String[] fields = stat(Long.parseLong(process.getFileName().toString()));
                        if (Long.parseLong(fields[1]) == postmaster) {
                            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        }
                    } catch (IOException | RuntimeException gone) {
                        // the process ended meanwhile
                    }
                }
            }
            return ticks * (1_000_000_000L / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Fields of /proc/pid/stat after the command name: [0] state, [1] ppid, ... [11] utime, [12] stime. */
    private static String[] stat(long pid) throws IOException {
        String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
    }

    static long threadNanos(String name) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
            if (info != null && name.equals(info.getThreadName())) {
                return threads.getThreadCpuTime(info.getThreadId());
            }
        }
        return -1;
    }

    static long currentThreadNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
