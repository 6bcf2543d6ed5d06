package net.historyarchive.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostgresServerTest {

    @Test
    void temporaryServerIsPostgres17WithUnaccentAndPgTrgm() throws Exception {
        Path dataDir;
        try (PostgresServer pg = PostgresServer.startTemporary()) {
            String url = pg.ensureDatabase("search");
            assertEquals("jdbc:postgresql://localhost:" + pg.port() + "/search", url);
            assertEquals(url, pg.ensureDatabase("search"), "second call finds the existing database");
            try (Connection c = pg.connect("search"); Statement s = c.createStatement()) {
                assertEquals("17", scalar(s, "SHOW server_version").split("\\.")[0]);
                dataDir = Path.of(scalar(s, "SHOW data_directory"));
                // The search service needs both contrib extensions.
                s.execute("CREATE EXTENSION IF NOT EXISTS unaccent");
                s.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
                assertEquals("Hotel Zurich", scalar(s, "SELECT unaccent('Hôtel Zürich')"));
                assertTrue(Double.parseDouble(scalar(s, "SELECT similarity('chronicle', 'chronicel')")) > 0.3);
                s.execute("CREATE TABLE t (title text)");
                s.execute("CREATE INDEX t_trgm ON t USING gin (title gin_trgm_ops)");
            }
            assertTrue(Files.isDirectory(dataDir));
            assertDurable(pg);
        }
        assertFalse(Files.exists(dataDir), "temporary data directory is deleted on close");
    }

    @Test
    void persistentServerKeepsDataAcrossRestarts(@TempDir Path dir) throws Exception {
        int port = freePort();
        Path data = dir.resolve("pg");
        Path log = dir.resolve("logs/postgres.log");
        try (PostgresServer pg = PostgresServer.startPersistent(port, data, log)) {
            assertEquals(port, pg.port());
            pg.ensureDatabase("catalog");
            try (Connection c = pg.connect("catalog"); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (v text)");
                s.execute("INSERT INTO kept VALUES ('still here')");
            }
        }
        try (PostgresServer pg = PostgresServer.startPersistent(port, data, log)) {
            try (Connection c = pg.connect("catalog"); Statement s = c.createStatement()) {
                assertEquals("still here", scalar(s, "SELECT v FROM kept"));
            }
            assertDurable(pg);
        }
        assertTrue(Files.exists(data.resolve("PG_VERSION")), "data directory is not cleaned");
        assertTrue(Files.size(log) > 0, "server output goes to the log file");
    }

    @Test
    void aKilledServerRestartsOnItsPortAndKeepsEveryCommit() throws Exception {
        try (PostgresServer pg = PostgresServer.startTemporary()) {
            int port = pg.port();
            pg.ensureDatabase("catalog");
            try (Connection c = pg.connect("catalog"); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (v int)");
                s.execute("INSERT INTO kept SELECT generate_series(1, 1000)");
                pg.kill();
                assertThrows(java.sql.SQLException.class, () -> scalar(s, "SELECT 1"), "the server is gone");
            }
            pg.restart();
            assertEquals(port, pg.port());
            try (Connection c = pg.connect("catalog"); Statement s = c.createStatement()) {
                assertEquals("1000", scalar(s, "SELECT count(*) FROM kept"));
            }
            assertDurable(pg);
        }
    }

    @Test
    void rejectsDatabaseNamesThatAreNotPlainIdentifiers() throws Exception {
        try (PostgresServer pg = PostgresServer.startTemporary()) {
            assertThrows(IllegalArgumentException.class, () -> pg.ensureDatabase("x; DROP DATABASE postgres"));
            assertThrows(IllegalArgumentException.class, () -> pg.ensureDatabase("Catalog"));
        }
    }

    /** A commit is acknowledged only once it is flushed to disk (zonky's defaults turn both off). */
    private static void assertDurable(PostgresServer pg) throws Exception {
        try (Connection c = pg.connect("postgres"); Statement s = c.createStatement()) {
            assertEquals("on", scalar(s, "SHOW synchronous_commit"));
            assertEquals("on", scalar(s, "SHOW fsync"));
            assertEquals("on", scalar(s, "SHOW full_page_writes"));
        }
    }

    static String scalar(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
