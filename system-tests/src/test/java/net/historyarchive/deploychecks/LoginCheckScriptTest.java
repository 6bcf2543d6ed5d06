package net.historyarchive.deploychecks;

import net.historyarchive.infra.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * compose/postgres/check-login.sh against a real PostgreSQL 17 that checks passwords (SCRAM, as the
 * postgres image does for TCP connections): it passes with the role's password and, with another
 * one, fails naming the setting and the fix. Skipped where no psql client is installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginCheckScriptTest {

    private PostgresServer postgres;

    @BeforeAll
    void startPostgresWithPasswords() throws Exception {
        Assumptions.assumeTrue(onPath("psql"), "no psql client on PATH: check-login.sh not run here");
        postgres = PostgresServer.startTemporary();
        try (Connection c = postgres.connect("postgres"); Statement s = c.createStatement()) {
            s.execute("ALTER ROLE postgres PASSWORD '" + PostgresServer.PASSWORD + "'");
            s.execute("CREATE ROLE catalog LOGIN PASSWORD 'the-first-password'");
            s.execute("CREATE DATABASE catalog OWNER catalog");
            String hba;
            try (ResultSet rs = s.executeQuery("SHOW hba_file")) {
                rs.next();
                hba = rs.getString(1);
            }
            // Over TCP, passwords are checked (the embedded server trusts everyone by default).
            Files.writeString(Path.of(hba), "local all all trust\nhost all all 127.0.0.1/32 scram-sha-256\n"
                    + "host all all ::1/128 scram-sha-256\n", StandardCharsets.UTF_8);
            s.execute("SELECT pg_reload_conf()");
        }
    }

    @AfterAll
    void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    record Run(int exit, String output) {
    }

    Run check(String password) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", Repo.path("compose/postgres/check-login.sh").toString()).redirectErrorStream(true);
        pb.environment().putAll(Map.of("PGHOST", "127.0.0.1", "PGPORT", Integer.toString(postgres.port()), "DB_NAME", "catalog",
                "DB_USER", "catalog", "DB_PASSWORD", password, "PASSWORD_VARIABLE", "CATALOG_DB_PASSWORD"));
        Process p = pb.start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("check-login.sh finishes").isTrue();
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void theRolesPasswordPasses() throws Exception {
        Run run = check("the-first-password");
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("Login as catalog to database catalog");
    }

    @Test
    void aChangedPasswordFailsAndSaysWhyAndWhatToDo() throws Exception {
        Run run = check("a-new-password-in-the-env-file");
        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("refuses the password in CATALOG_DB_PASSWORD for role \"catalog\"",
                "set when the database was first initialised", "ALTER ROLE catalog PASSWORD", "Changing a database password");
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
