package net.historyarchive.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs of the servers: {@link #tail} of a child process' log file for error messages, and
 * {@link #quietServers()}, which turns the embedded servers' INFO chatter down to WARNING, so test
 * and local-run output shows the services' own logs. Set {@code -Darchive.infra.verbose=true} to
 * keep everything.
 *
 * <p>quietServers goes through java.util.logging, which reaches SLF4J output when JBoss LogManager is the
 * JUL manager (Quarkus tests via surefire, the local run and system-tests' end-to-end test set it).
 */
public final class Logs {

    private static final List<String> SERVER_CATEGORIES = List.of(
            "kafka", "state.change.logger", "org.apache.kafka", "io.zonky");

    // Hold the loggers: JUL keeps only weak references, and a collected logger forgets its level.
    private static final List<Logger> HELD = new java.util.ArrayList<>();

    private Logs() {
    }

    /** The last {@code count} lines of a log file, headed by its name (empty if unreadable). */
    public static String tail(Path log, int count) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "\n--- last lines of " + log.getFileName() + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    public static synchronized void quietServers() {
        if (Boolean.getBoolean("archive.infra.verbose") || !HELD.isEmpty()) {
            return;
        }
        for (String category : SERVER_CATEGORIES) {
            Logger logger = Logger.getLogger(category);
            logger.setLevel(Level.WARNING);
            HELD.add(logger);
        }
    }
}
