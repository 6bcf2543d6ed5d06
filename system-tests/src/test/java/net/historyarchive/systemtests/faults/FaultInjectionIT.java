package net.historyarchive.systemtests.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.historyarchive.infra.DevToken;
import net.historyarchive.systemtests.endtoend.ArchiveSystem;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Crashes one part of the running system at a time under a steady stream of catalog writes, then
 * checks that nothing acknowledged was lost: every 2xx write is in the catalog at least at the
 * acknowledged version, every acknowledged deletion stays deleted, the search view converges to
 * exactly the catalog (search-service's own consistency check reports zero differences, without
 * repairing anything) and nothing was dead-lettered.
 *
 * <p>One shared system, the faults in sequence: a PostgreSQL backend, the Kafka broker (restart),
 * the whole PostgreSQL server, the OpenSearch node, catalog-service during an ATOMIC bulk import,
 * search-service during a view rebuild. All crashes are SIGKILL except the broker's restart.
 *
 * <p>Logs: {@code system-tests/target/fault-logs/<time>/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEED = System.nanoTime();
    private static final Duration CONVERGES_WITHIN = Duration.ofSeconds(120);
    private static final String DEAD_LETTER_SUFFIX = ".dlq";
    private static final String VIEW_ALIAS = "archive-documents";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String admin = "Bearer " + DevToken.mint("fault-test-admin", List.of("archive-admin", "archivist"), Duration.ofHours(2));
    private ArchiveSystem system;
    private AcknowledgedWrites writes;

    @BeforeAll
    void startSystem() throws Exception {
        Path root = Path.of(System.getProperty("system-tests.repository-root", "..")).toAbsolutePath().normalize();
        Path output = Path.of(System.getProperty("system-tests.output", "target")).toAbsolutePath();
        Path logs = output.resolve("fault-logs").resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        System.out.println("[faults] seed " + SEED);
        system = ArchiveSystem.start(root, logs);
        writes = new AcknowledgedWrites(system.catalogPort(), SEED);
        writes.start(200); // about 5 writes per second, as long as the catalog answers
    }

    @AfterEach
    void reportOnFailure(org.junit.jupiter.api.TestInfo test) {
        System.out.printf("[faults] after %s: %d writes acknowledged, %d failed%n", test.getDisplayName(),
                writes.acknowledgedWrites(), writes.failedWrites());
    }

    @AfterAll
    void stopSystem() throws InterruptedException {
        if (writes != null) {
            writes.close();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aKilledPostgresqlBackendLosesNothingAcknowledged() throws Exception {
        awaitMoreWrites(15);
        long pid;
        try (Connection c = system.postgres().connect("catalog"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = 'catalog' "
                     + "AND backend_type = 'client backend' AND pid <> pg_backend_pid() ORDER BY backend_start LIMIT 1")) {
            assertThat(rs.next()).as("a backend serving catalog-service").isTrue();
            pid = rs.getLong(1);
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly)).as("SIGKILL to backend %d", pid).hasValue(true);
        System.out.println("[faults] SIGKILL to PostgreSQL backend " + pid);
        awaitMoreWrites(15); // PostgreSQL resets every session, recovers, and the catalog reconnects
        assertNothingLostAndViewConverges();
    }

    @Test
    @Order(2)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aRestartedKafkaBrokerLosesNothingAcknowledged() throws Exception {
        awaitMoreWrites(10);
        system.kafka().stop();
        System.out.println("[faults] Kafka broker stopped");
        awaitMoreWrites(25); // the catalog keeps accepting writes into its outbox
        system.kafka().start();
        System.out.println("[faults] Kafka broker back");
        awaitMoreWrites(10);
        assertNothingLostAndViewConverges();
    }

    @Test
    @Order(3)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aKilledPostgresqlServerLosesNothingAcknowledged() throws Exception {
        awaitMoreWrites(10);
        system.postgres().kill();
        System.out.println("[faults] PostgreSQL server (postmaster) killed (SIGKILL)");
        awaitMoreFailedWrites(5); // the outage as archivists see it
        system.postgres().restart();
        System.out.println("[faults] PostgreSQL server back (crash recovery over the same data directory)");
        awaitMoreWrites(15); // both services reconnect by themselves
        assertNothingLostAndViewConverges();
    }

    @Test
    @Order(4)
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void aKilledOpenSearchNodeLosesNothingAcknowledged() throws Exception {
        awaitMoreWrites(10);
        system.openSearch().kill();
        System.out.println("[faults] OpenSearch node killed (SIGKILL)");
        awaitMoreWrites(15); // the catalog does not depend on the view
        system.openSearch().start();
        System.out.println("[faults] OpenSearch node back over its data directory");
        awaitMoreWrites(10);
        assertNothingLostAndViewConverges();
    }

    @Test
    @Order(5)
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void catalogServiceKilledDuringAnAtomicImportKeepsAllOrNothing() throws Exception {
        awaitMoreWrites(10);
        String marker = "crash" + Long.toString(SEED & Long.MAX_VALUE, 36);
        int lines = 3000;
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            ndjson.append("{\"title\":\"Imported during a crash ").append(marker).append(' ').append(i)
                    .append("\",\"documentType\":\"TELEGRAM\",\"languages\":[\"ru\"]}\n");
        }
        var imported = http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + system.catalogPort()
                        + "/api/v1/documents/import?mode=ATOMIC")).timeout(Duration.ofSeconds(180))
                .header("Authorization", admin).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson.toString())).build(), HttpResponse.BodyHandlers.ofString());
        // Usually the kill lands inside the import's transaction; should the import answer first, its answer decides.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> imported.isDone() || importWriting());
        system.catalog().kill();
        Integer answer = imported.isDone() && !imported.isCompletedExceptionally() ? imported.get().statusCode() : null;
        System.out.println("[faults] catalog-service killed (SIGKILL) during an ATOMIC import; its answer: " + answer);
        system.startCatalog().awaitReady(ArchiveSystem.READY_TIMEOUT);
        long kept = importedDocuments(marker);
        if (answer != null && answer == 200) {
            assertThat(kept).as("an acknowledged import is kept whole").isEqualTo(lines);
        } else {
            assertThat(kept).as("an unanswered ATOMIC import is all or nothing").isIn(0L, (long) lines);
        }
        awaitMoreWrites(10);
        assertNothingLostAndViewConverges();
    }

    @Test
    @Order(6)
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void searchServiceKilledDuringARebuildLeavesTheLiveViewServingAndARebuildCanRunAgain() throws Exception {
        awaitMoreWrites(10);
        String servingBefore = servingIndex();
        assertThat(post("/api/v1/admin/rebuild").statusCode()).as("rebuild started").isEqualTo(202);
        system.search().kill();
        System.out.println("[faults] search-service killed (SIGKILL) during a rebuild");
        assertThat(servingIndex()).as("the alias still points at the complete generation").isEqualTo(servingBefore);
        awaitMoreWrites(5);
        system.startSearch().awaitReady(ArchiveSystem.READY_TIMEOUT);
        assertThat(get("/api/v1/search?q=telegram").statusCode()).as("search answers from the live alias").isEqualTo(200);
        // The dead replica stops reporting progress: its rebuild is abandoned (FAILED) after
        // archive.rebuild.abandoned-after (set short here), and a new one may run to the end.
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !"RUNNING".equals(json(get("/api/v1/admin/rebuild")).path("state").asText()));
        String state = json(get("/api/v1/admin/rebuild")).path("state").asText();
        System.out.println("[faults] the rebuild cut off by the kill ended " + state);
        assertThat(state).as("a rebuild whose replica died").isIn("FAILED", "SUCCEEDED"); // SUCCEEDED: done before the kill
        assertThat(post("/api/v1/admin/rebuild").statusCode()).as("a new rebuild may start").isEqualTo(202);
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !"RUNNING".equals(json(get("/api/v1/admin/rebuild")).path("state").asText()));
        assertThat(json(get("/api/v1/admin/rebuild")).path("state").asText()).isEqualTo("SUCCEEDED");
        awaitMoreWrites(5);
        assertNothingLostAndViewConverges();
    }

    /** The index behind the view's alias, asked of OpenSearch directly. */
    private String servingIndex() throws Exception {
        HttpResponse<String> aliases = get(system.openSearch().url() + "/_alias/" + VIEW_ALIAS, false);
        assertThat(aliases.statusCode()).as("alias %s: %s", VIEW_ALIAS, aliases.body()).isEqualTo(200);
        List<String> indexes = new ArrayList<>();
        json(aliases).fieldNames().forEachRemaining(indexes::add);
        assertThat(indexes).as("indexes behind the alias").hasSize(1);
        return indexes.get(0);
    }

    /** True while a catalog transaction has been writing for a while: the import's (the writer's are short). */
    private boolean importWriting() throws Exception {
        try (Connection c = system.postgres().connect("catalog"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = 'catalog' "
                     + "AND state <> 'idle' AND xact_start IS NOT NULL AND backend_xid IS NOT NULL "
                     + "AND now() - xact_start > interval '200 milliseconds'")) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }

    private long importedDocuments(String marker) throws Exception {
        try (Connection c = system.postgres().connect("catalog");
             var q = c.prepareStatement("SELECT count(*) FROM document WHERE title LIKE ?")) {
            q.setString(1, "Imported during a crash " + marker + " %");
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void assertNothingLostAndViewConverges() throws Exception {
        // Paused first: a write between taking these snapshots and reading the catalog (a deletion
        // acknowledged after the snapshot of deletions) would look like a loss.
        writes.pause();
        try {
            assertNothingLost();
            awaitViewEqualsCatalog();
        } finally {
            writes.resume();
        }
        assertThat(deadLetters()).as("events dead-lettered").isZero();
        // An outage is a 503 (retry later), a crashed process no answer at all; a 500 would be a bug.
        assertThat(writes.internalErrors()).as("writes answered 500").isEmpty();
    }

    private void assertNothingLost() throws Exception {
        Map<UUID, Long> acknowledged = writes.acknowledged();
        Set<UUID> deletions = writes.acknowledgedDeletions();
        Set<UUID> maybeDeleted = writes.unansweredDeletions();
        List<String> lost = new ArrayList<>();
        for (var ack : acknowledged.entrySet()) {
            HttpResponse<String> doc = get("http://localhost:" + system.catalogPort() + "/api/v1/documents/" + ack.getKey(), true);
            if (doc.statusCode() == 404 && (deletions.contains(ack.getKey()) || maybeDeleted.contains(ack.getKey()))) {
                continue;
            }
            long version = doc.statusCode() == 200 ? json(doc).path("version").asLong() : -1;
            if (version < ack.getValue()) {
                lost.add(ack.getKey() + " acknowledged at version " + ack.getValue() + ", catalog answers " + doc.statusCode()
                        + (version > 0 ? " at version " + version : ""));
            }
        }
        for (UUID id : deletions) {
            if (get("http://localhost:" + system.catalogPort() + "/api/v1/documents/" + id, true).statusCode() != 404) {
                lost.add(id + " deleted (acknowledged) but the catalog still has it");
            }
        }
        assertThat(lost).as("acknowledged writes the catalog lost (of %d documents)", acknowledged.size()).isEmpty();
    }

    /** The consistency check, without repair, finds no difference once the view has caught up. */
    private void awaitViewEqualsCatalog() {
        JsonNode[] last = new JsonNode[1];
        await().atMost(CONVERGES_WITHIN).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().untilAsserted(() -> {
            last[0] = json(post("/api/v1/admin/consistency"));
            assertThat(last[0].path("differences").asLong(-1)).as("differences: %s", last[0]).isZero();
        });
        System.out.printf("[faults] view equals the catalog: %s documents, %s deletions%n",
                last[0].path("catalogDocuments"), last[0].path("catalogDeletions"));
    }

    private void awaitMoreWrites(int count) {
        int target = writes.acknowledgedWrites() + count;
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> writes.acknowledgedWrites() >= target);
    }

    private void awaitMoreFailedWrites(int count) {
        int target = writes.failedWrites() + count;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> writes.failedWrites() >= target);
    }

    /** Events in every dead-letter topic (one per event lane: names end in .dlq). */
    private long deadLetters() throws Exception {
        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrapServers()))) {
            List<String> dlqs = kafka.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(name -> name.endsWith(DEAD_LETTER_SUFFIX)).toList();
            if (dlqs.isEmpty()) {
                return 0;
            }
            Map<TopicPartition, OffsetSpec> ends = new java.util.HashMap<>();
            for (TopicDescription topic : kafka.describeTopics(dlqs).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
                topic.partitions().forEach(p -> ends.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
            }
            return kafka.listOffsets(ends).all().get(30, TimeUnit.SECONDS).values().stream().mapToLong(o -> o.offset()).sum();
        }
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + system.searchPort() + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", admin).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get("http://localhost:" + system.searchPort() + path, true);
    }

    private HttpResponse<String> get(String url, boolean authorized) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (authorized) {
            request.header("Authorization", admin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> reply) throws java.io.IOException {
        return JSON.readTree(reply.body());
    }
}
