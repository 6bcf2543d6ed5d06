package net.historyarchive.systemtests.shutdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.historyarchive.infra.ChildService;
import net.historyarchive.infra.DevToken;
import net.historyarchive.infra.KafkaBroker;
import net.historyarchive.infra.Logs;
import net.historyarchive.infra.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rollout of catalog-service under load, as Kubernetes does it: two instances behind a
 * readiness-following balancer, writers creating and reading documents throughout, and the
 * instance that runs the outbox relay gets SIGTERM while a bulk import on it is in flight.
 *
 * <p>Expected, in order: its readiness goes down while it keeps serving (quarkus.shutdown.delay),
 * so the balancer moves the writers to the other instance; a new import sent to it is refused with
 * 503 problem+json; the import in flight completes (200, every line written); it exits on its own
 * within the bound; its relay releases the lock and the other instance's relay publishes
 * everything; and no request of the writers failed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogRollingStopIT {

    /** Longer than production's 5 s: the test's own steps after readiness goes down must fit in it on two busy cores. */
    private static final String SHUTDOWN_DELAY = "15s";
    private static final int IMPORT_LINES = 3_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SERVICE_JVM = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    private final String bearer = "Bearer " + DevToken.mint("rolling-stop-test", List.of("archivist"), Duration.ofHours(1));
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private ChildService leader;
    private ChildService standby;
    private Path root;

    @BeforeAll
    void start() throws Exception {
        root = Path.of(System.getProperty("system-tests.repository-root", "..")).toAbsolutePath().normalize();
        Path jar = root.resolve("catalog-service/target/quarkus-app/quarkus-run.jar");
        assertThat(jar).as("the packaged catalog-service (./mvnw verify packages it first)").isRegularFile();
        Path logs = Path.of(System.getProperty("system-tests.output", "target")).toAbsolutePath().resolve("shutdown-logs")
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(logs);
        Logs.quietServers();
        postgres = PostgresServer.startTemporary();
        postgres.ensureDatabase("catalog");
        kafka = KafkaBroker.startTemporary();
        int[] ports = freePorts();
        // The first instance to start takes the relay lock; the second waits as standby.
        leader = launch("catalog-service A", ports[0], jar, logs);
        leader.awaitReady(Duration.ofSeconds(120));
        awaitRelayActive(leader);
        standby = launch("catalog-service B", ports[1], jar, logs);
        standby.awaitReady(Duration.ofSeconds(120));
        System.out.printf("[shutdown] catalog-service A on %d (relay), B on %d; logs in %s%n", ports[0], ports[1], logs);
    }

    private ChildService launch(String name, int port, Path jar, Path logs) throws IOException {
        ChildService service = new ChildService(name, port, logs.resolve(name.replace(' ', '-') + ".log"));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("CATALOG_DB_URL", postgres.jdbcUrl("catalog"));
        env.put("CATALOG_DB_USER", PostgresServer.USER);
        env.put("CATALOG_DB_PASSWORD", PostgresServer.PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", root.resolve("test-infra/src/main/resources/dev-keys/public.pem").toString());
        env.put("MP_JWT_VERIFY_ISSUER", DevToken.ISSUER);
        env.put("QUARKUS_SHUTDOWN_DELAY", SHUTDOWN_DELAY);
        service.start(jar, SERVICE_JVM, env);
        return service;
    }

    @AfterAll
    void stop() throws Exception {
        for (ChildService s : new ChildService[] {standby, leader}) {
            if (s != null) {
                s.stop(Duration.ofSeconds(60));
            }
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void stoppingTheRelayLeaderUnderLoadFailsNoRequestAndLosesNoImport() throws Exception {
        GatedBody importBody = new GatedBody(ndjson(IMPORT_LINES));
        try (ReadinessBalancer balancer = new ReadinessBalancer(List.of(leader.port(), standby.port()));
             SteadyWrites writers = new SteadyWrites(balancer, bearer, 2, Duration.ofMillis(100))) {
            await("both instances serve the writers").atMost(Duration.ofSeconds(60))
                    .until(() -> writers.servedBy(leader.port()) > 5 && writers.servedBy(standby.port()) > 5);

            // A long import on the leader, stopped halfway through its body: certainly in flight.
            CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(importRequest(leader.port(),
                    HttpRequest.BodyPublishers.ofInputStream(() -> importBody)), HttpResponse.BodyHandlers.ofString());
            await("the import's body is half sent").atMost(Duration.ofSeconds(30)).until(importBody::reachedGate);

            CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(() -> leader.stop(Duration.ofSeconds(90)));
            await("A's readiness goes down first").atMost(Duration.ofSeconds(10)).until(() -> !balancer.isReady(leader.port()));
            assertThat(leader.isAlive()).as("A still runs (and serves) during its shutdown delay").isTrue();

            HttpResponse<String> refused = http.send(importRequest(leader.port(),
                    HttpRequest.BodyPublishers.ofByteArray(ndjson(10))), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as("a new import while A drains: %s", refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(JSON.readTree(refused.body()).path("type").asText()).isEqualTo("urn:historyarchive:problem:shutting-down");
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();

            importBody.open();
            HttpResponse<String> imported = inFlight.get();
            assertThat(imported.statusCode()).as("the import in flight finishes: %s", imported.body()).isEqualTo(200);
            JsonNode report = JSON.readTree(imported.body());
            assertThat(report.path("created").asInt()).isEqualTo(IMPORT_LINES);

            assertThat(stopped.get()).as("A exits on its own within the grace period").isTrue();
            assertThat(Files.readString(leader.log())).as("A's relay gave both lanes' locks up")
                    .contains("Outbox relay (interactive lane) stopped and released its lock")
                    .contains("Outbox relay (bulk lane) stopped and released its lock");
            awaitRelayActive(standby);
            int servedByBAfterStop = writers.servedBy(standby.port());
            await("writers keep going on B").atMost(Duration.ofSeconds(30))
                    .until(() -> writers.servedBy(standby.port()) > servedByBAfterStop + 10);
            writers.close();
            assertThat(writers.failures()).as("failed requests of the writers").isEmpty();
        }
        await("B's relay publishes every change, A's last ones included").atMost(Duration.ofSeconds(60))
                .until(() -> unpublishedOutboxRows() == 0);
        assertThat(documentsNamed("Rolling stop import %")).isEqualTo(IMPORT_LINES);
    }

    private HttpRequest importRequest(int port, HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/documents/import?mode=ATOMIC"))
                .timeout(Duration.ofMinutes(3))
                .header("Authorization", bearer).header("Content-Type", "application/x-ndjson").header("Accept", "application/json")
                .POST(body).build();
    }

    private static byte[] ndjson(int lines) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= lines; i++) {
            b.append("{\"title\": \"Rolling stop import ").append(i)
                    .append("\", \"summary\": \"A record imported while its catalog instance was being stopped.\"")
                    .append(", \"documentType\": \"MEMORANDUM\", \"languages\": [\"en\"]}\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void awaitRelayActive(ChildService instance) {
        URI metrics = URI.create("http://localhost:" + instance.port() + "/q/metrics");
        await(instance.name() + " runs the outbox relay").atMost(Duration.ofSeconds(60)).until(() -> http.send(
                HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString())
                .body().lines().filter(l -> l.startsWith("outbox_relay_active{") && l.endsWith(" 1.0")).count() == 2); // both lanes
    }

    private long unpublishedOutboxRows() throws SQLException {
        return count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
    }

    private long documentsNamed(String pattern) throws SQLException {
        return count("SELECT count(*) FROM document WHERE title LIKE '" + pattern.replace("'", "''") + "'");
    }

    private long count(String sql) throws SQLException {
        try (Connection c = postgres.connect("catalog"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Two free ports below 32768, at random (parallel builds rarely meet). */
    private static int[] freePorts() {
        List<Integer> chosen = new ArrayList<>();
        while (chosen.size() < 2) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_768);
            if (chosen.contains(port) || List.of(15432, 19092, 19093, 18080, 18081).contains(port)) {
                continue;
            }
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress(port));
                chosen.add(port);
            } catch (IOException taken) {
                // try another
            }
        }
        return new int[] {chosen.get(0), chosen.get(1)};
    }
}
