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

        ArchiveInfraResource kafkaOnly = new ArchiveInfraResource();
        kafkaOnly.init(Map.of());
        Map<String, String> other = kafkaOnly.start();
        assertEquals(Map.of("kafka.bootstrap.servers", config.get("kafka.bootstrap.servers")), other,
                "no database asked for, no datasource; one Kafka per JVM");

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

    @Test
    void startsOpenSearchOnlyWhenAskedAndBringsItBackAfterAFaultTest() throws Exception {
        ArchiveInfraResource search = new ArchiveInfraResource();
        search.init(Map.of("opensearch", "true"));
        Map<String, String> config = search.start();

        String url = ArchiveInfraResource.openSearchUrl();
        assertEquals(Map.of(
                "kafka.bootstrap.servers", ArchiveInfraResource.bootstrapServers(),
                "archive.opensearch.url", url), config);
        OpenSearchServerTest.index(url, "shared", "1", "{\"title\": \"kept\"}");

        ArchiveInfraResource.killOpenSearch();
        assertFalse(ArchiveInfraResource.isOpenSearchRunning());
        new ArchiveInfraResource().start(); // no opensearch arg: leaves the node down
        assertFalse(ArchiveInfraResource.isOpenSearchRunning());

        search.start(); // the next test class that asks gets the node back, same URL, same data
        assertTrue(ArchiveInfraResource.isOpenSearchRunning());
        assertEquals(url, ArchiveInfraResource.openSearchUrl());
        assertTrue(OpenSearchServerTest.get(url, "/shared/_doc/1").contains("\"found\":true"));
    }
}
