package net.historyarchive.systemtests.endtoend;

import net.historyarchive.infra.ChildService;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The system end to end, as deployed: both services run as separate processes from their packaged
 * jars against a real PostgreSQL and Kafka. Changes made through the catalog API must become
 * visible through search-service's search API, and stay complete and exact while search-service
 * is killed (SIGKILL) and stopped (SIGTERM) in the middle of a stream of changes.
 *
 * <p>Logs of every service run: {@code system-tests/target/e2e-logs/<time>/}; their last lines are
 * printed when a test fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    /** How long a change may take from the catalog's answer to search-service's (generous: two shared cores). */
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(30);
    private static final long SEED = System.nanoTime();

    private ArchiveSystem system;
    private Catalog catalog;
    private Search search;
    private final Words words = new Words(SEED);
    /** Documents the tests deleted; none may be in the search view at the end. */
    private final Set<UUID> deleted = new java.util.HashSet<>();

    @RegisterExtension
    final LogTailsOnFailure tails = new LogTailsOnFailure();

    @BeforeAll
    void startSystem() throws Exception {
        Path root = Path.of(System.getProperty("system-tests.repository-root", "..")).toAbsolutePath().normalize();
        Path output = Path.of(System.getProperty("system-tests.output", "target")).toAbsolutePath();
        Path logs = output.resolve("e2e-logs").resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        System.out.println("[e2e] seed " + SEED + ", repository " + root);
        system = ArchiveSystem.start(root, logs);
        catalog = new Catalog(system.catalogPort());
        search = new Search(system.searchPort());
    }

    @AfterAll
    void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void createUpdateAndDeleteBecomeVisibleInSearch() {
        // Writes need an archivist's token and the version they are based on.
        String word1 = words.get();
        assertThat(catalog.send("POST", catalog.collectionUri(), Map.of("Content-Type", "application/json"),
                "{\"title\": \"Unauthorised " + word1 + "\"}").status()).as("create without a token").isEqualTo(401);

        Catalog.Doc doc = catalog.create("Telegram on " + word1 + " from Pyongyang");
        String controlWord = words.get();
        Catalog.Doc control = catalog.create("Record of conversation on " + controlWord);

        // Created: found by a word of its title, at version 1; its view is there too.
        awaitVisible().untilAsserted(() -> {
            assertThat(search.search(word1).hits()).containsEntry(doc.id(), 1L);
            assertThat(search.search(controlWord).hits()).containsEntry(control.id(), 1L);
        });
        assertThat(search.search(word1).hits()).as("only the document holding the word").containsOnlyKeys(doc.id());
        assertThat(search.viewVersion(doc.id())).hasValue(1);

        assertThat(catalog.send("PATCH", catalog.uri(doc.id()), Map.of("Authorization", bearer(),
                "Content-Type", "application/merge-patch+json"), "{\"title\": \"no If-Match\"}").status())
                .as("update without If-Match").isEqualTo(428);

        // Updated by merge patch: the new word finds it at version 2, the old word no longer does.
        String word2 = words.get();
        Catalog.Doc v2 = catalog.patchTitle(doc, "Telegram on " + word2 + " from Pyongyang");
        awaitVisible().untilAsserted(() -> {
            assertThat(search.search(word2).hits()).containsEntry(doc.id(), 2L);
            assertThat(search.search(word1).hits()).doesNotContainKey(doc.id());
        });
        assertThat(search.viewVersion(doc.id())).hasValue(2);

        // Replaced by PUT based on version 2: version 3, found by its new word only.
        String word3 = words.get();
        Catalog.Doc v3 = catalog.replace(v2, "Memorandum on " + word3);
        awaitVisible().untilAsserted(() -> {
            assertThat(search.search(word3).hits()).containsEntry(doc.id(), 3L);
            assertThat(search.search(word2).hits()).doesNotContainKey(doc.id());
        });

        // A stale version is refused and changes nothing.
        assertThat(catalog.send("DELETE", catalog.uri(doc.id()), Map.of("Authorization", bearer(), "If-Match", "\"2\""), null)
                .status()).as("delete based on a stale version").isEqualTo(412);

        // Deleted: no longer found, and its view answers 404; the control document is still found.
        catalog.delete(v3);
        deleted.add(doc.id());
        assertThat(catalog.read(doc.id()).status()).isEqualTo(404);
        awaitVisible().untilAsserted(() -> {
            assertThat(search.search(word3).hits()).doesNotContainKey(doc.id());
            assertThat(search.viewVersion(doc.id())).isEmpty();
        });
        assertThat(search.search(controlWord).hits()).containsEntry(control.id(), 1L);
        assertThat(search.search(word1).hits()).isEmpty();
    }

    @Test
    @Order(2)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void nothingIsLostWhenSearchServiceIsStoppedOrKilledDuringAStreamOfChanges() throws Exception {
        long started = System.nanoTime();
        long killedAt;
        Writer writer = new Writer(catalog, words, SEED);
        try {
            writer.start(50); // 20 writes per second
            awaitWrites(writer, 30);

            // SIGTERM in the middle of the stream: a graceful stop must not lose anything.
            ChildService first = system.search();
            int atStop = writer.writes();
            assertThat(first.stop(Duration.ofSeconds(30))).as("search-service stops within 30 s of SIGTERM").isTrue();
            System.out.printf("[e2e] search-service stopped (SIGTERM) after %d writes; exit code %d%n", atStop, first.exitCode());
            awaitWrites(writer, atStop + 40); // the catalog goes on while search-service is down
            ChildService second = system.startSearch();
            second.awaitReady(ArchiveSystem.READY_TIMEOUT);
            System.out.printf("[e2e] search-service back; %d writes made while it was down%n", writer.writes() - atStop);
            // Kill it only once it is consuming again: a document created after it came back is in its view.
            long ready = System.nanoTime();
            Catalog.Doc probe = catalog.create("Probe " + words.get() + " after a restart");
            awaitVisible().untilAsserted(() -> assertThat(search.viewVersion(probe.id())).hasValue(1));
            System.out.printf("[e2e] search-service applying new changes %d ms after it was ready%n", (System.nanoTime() - ready) / 1_000_000);

            // SIGKILL in the middle of the stream: no shutdown, whatever batch it was applying is cut off.
            awaitWrites(writer, writer.writes() + 20);
            int atKill = writer.writes();
            second.kill();
            killedAt = System.nanoTime();
            System.out.printf("[e2e] search-service killed (SIGKILL) after %d writes; exit code %d%n", atKill, second.exitCode());
            awaitWrites(writer, atKill + 40);
            ChildService third = system.startSearch();
            third.awaitReady(ArchiveSystem.READY_TIMEOUT);
            awaitWrites(writer, writer.writes() + 30);
        } finally {
            writer.close();
        }
        assertThat(writer.errors()).as("catalog writes that failed").isEmpty();
        System.out.printf("[e2e] writer done: %s in %d ms%n", writer.summary(), (System.nanoTime() - started) / 1_000_000);

        // The catalog holds exactly what the writer made of it (plus the first test's control and the probe documents).
        Map<UUID, Long> inCatalog = catalog.all();
        assertThat(inCatalog).containsAllEntriesOf(writer.expectedLive());
        assertThat(inCatalog.keySet()).doesNotContainAnyElementsOf(writer.deleted());
        deleted.addAll(writer.deleted());
        assertThat(writer.deleted()).as("the run deleted documents").isNotEmpty();

        // search-service catches up with all of it: every document at the catalog's latest version, nothing else.
        // After a SIGKILL the dead consumer keeps its partitions until its Kafka session times out
        // (session.timeout.ms, 45 s by default), so allow for that.
        long lastWrite = System.nanoTime();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(differences(inCatalog, search.browseAll())).as("search view (browse) vs. catalog").isEmpty());
        long now = System.nanoTime();
        System.out.printf("[e2e] search view equal to the catalog (%d documents) %d ms after the last write, %d ms after the SIGKILL%n",
                inCatalog.size(), (now - lastWrite) / 1_000_000, (now - killedAt) / 1_000_000);
        for (UUID id : deleted) {
            assertThat(search.viewVersion(id)).as("view of deleted document %s", id).isEmpty();
        }
        Map<UUID, OptionalLong> views = new HashMap<>();
        for (UUID id : inCatalog.keySet()) {
            views.put(id, search.viewVersion(id));
        }
        assertThat(views).allSatisfy((id, version) ->
                assertThat(version).as("view of %s", id).hasValue(inCatalog.get(id)));
        assertThat(deadLetters()).as("events search-service dead-lettered").isZero();
    }

    /** What the search view gets wrong compared with the catalog, one line per document (at most 20 shown). */
    static List<String> differences(Map<UUID, Long> catalog, Map<UUID, Long> view) {
        List<String> wrong = new java.util.ArrayList<>();
        for (Map.Entry<UUID, Long> entry : catalog.entrySet()) {
            Long seen = view.get(entry.getKey());
            if (seen == null) {
                wrong.add(entry.getKey() + ": missing (catalog has version " + entry.getValue() + ")");
            } else if (!seen.equals(entry.getValue())) {
                wrong.add(entry.getKey() + ": version " + seen + " (catalog has version " + entry.getValue() + ")");
            }
        }
        for (Map.Entry<UUID, Long> entry : view.entrySet()) {
            if (!catalog.containsKey(entry.getKey())) {
                wrong.add(entry.getKey() + ": version " + entry.getValue() + " shown but not in the catalog");
            }
        }
        if (wrong.size() > 20) {
            int more = wrong.size() - 20;
            wrong = new java.util.ArrayList<>(wrong.subList(0, 20));
            wrong.add("... and " + more + " more");
        }
        return wrong;
    }

    private ConditionFactory awaitVisible() {
        return await().atMost(VISIBLE_WITHIN).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200));
    }

    /** Waits until the writer has made at least {@code count} writes in all, failing fast on its errors. */
    private static void awaitWrites(Writer writer, int count) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .failFast("a catalog write failed", () -> !writer.errors().isEmpty())
                .until(() -> writer.writes() >= count);
    }

    private String bearer() {
        return "Bearer " + net.historyarchive.infra.DevToken.mint("system-test-archivist", List.of("archivist"), Duration.ofMinutes(10));
    }

    /** Records on search-service's dead-letter topic (0 if it was never created). */
    private long deadLetters() throws Exception {
        String topic = "archive.documents.v1.dlq";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrapServers()))) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                return 0;
            }
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
        }
    }

    /** Prints the tail of every service log when a test fails (a failed start-up prints them itself). */
    final class LogTailsOnFailure implements TestExecutionExceptionHandler {

        private void report(ExtensionContext context) {
            if (system != null) {
                System.err.println("[e2e] " + context.getDisplayName() + " failed; service logs:" + system.logTails());
                try {
                    System.err.println("[e2e] search-service freshness: " + search.freshness());
                } catch (RuntimeException | AssertionError ignored) {
                    // search-service may be down; the logs say why
                }
            }
        }

        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
            report(context);
            throw throwable;
        }
    }
}
