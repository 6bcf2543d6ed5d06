package net.historyarchive.infra;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchiveInfraResourceTest {

    @Test
    void returnsDatasourceAndKafkaConfigAndSharesTheServers() throws Exception {
        ArchiveInfraResource catalog = new ArchiveInfraResource();
        catalog.init(Map.of("database", "catalog"));
        Map<String, String> config = catalog.start();

        int port = ArchiveInfraResource.postgresPort();
        assertEquals(Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/catalog",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "kafka.bootstrap.servers", ArchiveInfraResource.bootstrapServers(),
                "archive.test.postgres.port", Integer.toString(port)), config);

        ArchiveInfraResource fallback = new ArchiveInfraResource();
        fallback.init(Map.of());
        Map<String, String> other = fallback.start();
        assertEquals("jdbc:postgresql://localhost:" + port + "/archive", other.get("quarkus.datasource.jdbc.url"));
        assertEquals(config.get("kafka.bootstrap.servers"), other.get("kafka.bootstrap.servers"), "one Kafka per JVM");

        catalog.stop(); // must not stop the shared servers
        try (Connection c = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"), "postgres", "postgres");
             Statement s = c.createStatement()) {
            assertTrue(s.execute("SELECT 1"));
        }
        KafkaBrokerTest.send(ArchiveInfraResource.bootstrapServers(), "shared", "ok");

        ArchiveInfraResource.stopKafka();
        assertFalse(ArchiveInfraResource.isKafkaRunning());
        new ArchiveInfraResource().start(); // the next test class gets a running broker again
        assertTrue(ArchiveInfraResource.isKafkaRunning());
        assertEquals("ok", KafkaBrokerTest.readAll(ArchiveInfraResource.bootstrapServers(), "shared", 1).get(0));
    }
}
