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

    private final EmbeddedPostgres pg;

    private PostgresServer(EmbeddedPostgres pg) {
        this.pg = pg;
    }

    /** Random free port, fresh data directory under java.io.tmpdir that close() deletes. */
    public static PostgresServer startTemporary() throws IOException {
        Path dataDir = Files.createTempDirectory("archive-pg-");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(true)
                // The owner of this object decides when to stop (our hooks order the shutdown).
                .setRegisterShutdownHook(false);
        DURABLE.forEach(builder::setServerConfig);
        return new PostgresServer(builder.start());
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
        DURABLE.forEach(builder::setServerConfig);
        settings.forEach(builder::setServerConfig);
        if (logFile != null) {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            builder.setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        }
        return new PostgresServer(builder.start());
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
    public void close() {
        try {
            pg.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String checkName(String database) {
        if (database == null || !DB_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case database name: " + database);
        }
        return database;
    }
}
