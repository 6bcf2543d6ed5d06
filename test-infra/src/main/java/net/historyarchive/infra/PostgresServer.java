package net.historyarchive.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL 17 server run from the zonky embedded binaries (no Docker needed).
 *
 * <p>Two modes: {@link #startTemporary()} for tests (random port, temp data dir deleted on close)
 * and {@link #startPersistent(int, Path, Path)} for the local run (fixed port, data kept).
 * zonky starts the server with {@code -A trust}, so the password is accepted but not checked;
 * the server listens on localhost only.
 *
 * <p>Both modes are durable ({@link #DURABLE}): a commit is acknowledged only once it is on disk.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    // Database names go into CREATE DATABASE unquoted, so allow plain identifiers only.
    private static final Pattern DB_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /**
     * zonky starts PostgreSQL with {@code -F} (fsync off) and {@code synchronous_commit=off}: fast,
     * but a crash then loses commits that were already acknowledged (issue #13 lost 16 created
     * documents to one SIGKILLed backend). The local run, the benchmark stack and the tests keep
     * PostgreSQL's own defaults instead, so they behave, and are measured, like production.
     * The {@code -c} settings come after zonky's {@code -F}, so they win.
     */
    static final Map<String, String> DURABLE = Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on");

    private final Path dataDir;
    private final boolean temporary;
    private final Map<String, String> settings;
    private final ProcessBuilder.Redirect output;
    private volatile EmbeddedPostgres pg;

    private PostgresServer(EmbeddedPostgres pg, Path dataDir, boolean temporary, Map<String, String> settings,
                           ProcessBuilder.Redirect output) {
        this.pg = pg;
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.settings = settings;
        this.output = output;
    }

    /** Random free port, fresh data directory under java.io.tmpdir that close() deletes. */
    public static PostgresServer startTemporary() throws IOException {
        Path dataDir = Files.createTempDirectory("archive-pg-");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                // close() deletes the directory itself: zonky's clean-up would also delete it when
                // kill() hands a crashed server's lock back before restart() reuses the directory.
                .setCleanDataDirectory(false)
                // The owner of this object decides when to stop (our hooks order the shutdown).
                .setRegisterShutdownHook(false);
        DURABLE.forEach(builder::setServerConfig);
        return new PostgresServer(builder.start(), dataDir, true, DURABLE, null);
    }

    /**
     * Fixed port and a data directory that survives restarts (initdb runs only when it is empty).
     *
     * @param logFile where the server's own output goes (appended), or null to log it via SLF4J
     */
    public static PostgresServer startPersistent(int port, Path dataDir, Path logFile) throws IOException {
        return startPersistent(port, dataDir, logFile, Map.of());
    }

    /** The same, with server settings (postgresql.conf names and values) for this start; they override {@link #DURABLE}. */
    public static PostgresServer startPersistent(int port, Path dataDir, Path logFile, Map<String, String> settings)
            throws IOException {
        Files.createDirectories(dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60));
        Map<String, String> all = new java.util.HashMap<>(DURABLE);
        all.putAll(settings);
        all.forEach(builder::setServerConfig);
        ProcessBuilder.Redirect output = null;
        if (logFile != null) {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            output = ProcessBuilder.Redirect.appendTo(logFile.toFile());
            builder.setOutputRedirector(output).setErrorRedirector(output);
        }
        return new PostgresServer(builder.start(), dataDir, false, Map.copyOf(all), output);
    }

    /**
     * SIGKILL to the postmaster, as the OOM killer would do to the whole server; returns once it and
     * every backend are gone (a backend outliving its postmaster would keep the shared memory and
     * block {@link #restart()}). Acknowledged commits are in the WAL; {@link #restart()} replays it.
     */
    public synchronized void kill() {
        Process postmaster = pg.getProcess();
        List<ProcessHandle> children = postmaster.toHandle().descendants().toList();
        postmaster.destroyForcibly();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try {
            postmaster.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            // Orphaned backends notice the postmaster's death within moments and exit.
            while (children.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try {
            pg.close(); // its pg_ctl stop fails (nothing runs), then it releases the data directory's lock
        } catch (IOException | RuntimeException expected) {
            // nothing left to stop
        }
    }

    /** Starts the server again on the same port and data directory, after {@link #kill()}; crash recovery runs first. */
    public synchronized void restart() throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port())
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(120));
        settings.forEach(builder::setServerConfig);
        if (output != null) {
            builder.setOutputRedirector(output).setErrorRedirector(output);
        }
        pg = builder.start();
    }

    public int port() {
        return pg.getPort();
    }

    /** JDBC URL without credentials (Quarkus takes user and password as separate settings). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + checkName(database);
    }

    /** Creates the database if it does not exist yet and returns its JDBC URL. */
    public synchronized String ensureDatabase(String database) {
        checkName(database);
        try (Connection c = connect("postgres");
             PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            q.setString(1, database);
            boolean exists;
            try (ResultSet rs = q.executeQuery()) {
                exists = rs.next();
            }
            if (!exists) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database + " on port " + port(), e);
        }
        return jdbcUrl(database);
    }

    /** A plain JDBC connection as the superuser; the caller closes it. */
    public Connection connect(String database) throws SQLException {
        // The driver is used directly: DriverManager refuses drivers that another class loader
        // registered, which happens under Quarkus' test class loaders.
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("password", PASSWORD);
        return new org.postgresql.Driver().connect(jdbcUrl(database), props);
    }

    /** Stops the server (pg_ctl stop -m fast); a temporary data directory is deleted. */
    @Override
    public synchronized void close() {
        try {
            pg.close();
            if (temporary) {
                deleteRecursively(dataDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String checkName(String database) {
        if (database == null || !DB_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case database name: " + database);
        }
        return database;
    }
}
