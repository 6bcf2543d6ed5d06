package net.historyarchive.catalog.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import net.historyarchive.catalog.common.domain.VersionConflictException;
import net.historyarchive.catalog.document.api.DocumentView;
import net.historyarchive.catalog.document.service.DocumentService;
import net.historyarchive.catalog.support.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many writers at once, with long transactions that took their outbox id early and commit late
 * (the sequence-gap case): per document, the topic must carry strictly increasing versions with
 * none missing, ending in the state the catalog holds.
 */
@QuarkusTest
class ConcurrentWritersOrderTest {

    private static final int DOCUMENTS = 6;
    private static final int WRITERS = 6;
    private static final int UPDATES_PER_WRITER = 15;

    @Inject
    DocumentService documents;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void perDocumentOrderHoldsUnderConcurrentShortAndLongTransactions() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            ids.add(UUID.fromString(given().header("Authorization", Tokens.archivist()).contentType(ContentType.JSON)
                    .body("{\"title\": \"Concurrent document " + i + "\"}")
                    .post("/api/v1/documents").then().statusCode(201).extract().path("id")));
        }

        // A long transaction changes a document nobody else writes, then stays open while the short
        // writers commit many later outbox ids; it commits last.
        UUID longLived = UUID.fromString(given().header("Authorization", Tokens.archivist()).contentType(ContentType.JSON)
                .body("{\"title\": \"Long transaction document\"}")
                .post("/api/v1/documents").then().statusCode(201).extract().path("id"));
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        CountDownLatch longTransactionWrote = new CountDownLatch(1);
        CountDownLatch releaseLongTransaction = new CountDownLatch(1);
        Future<?> longTransaction = pool.submit(() -> QuarkusTransaction.requiringNew().timeout(120).run(() -> {
            documents.patch(longLived, 1L, json.createObjectNode().put("summary", "written in a long transaction"));
            longTransactionWrote.countDown();
            awaitLatch(releaseLongTransaction);
        }));
        awaitLatch(longTransactionWrote);

        AtomicInteger committed = new AtomicInteger();
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                Random random = new Random(writer);
                for (int u = 0; u < UPDATES_PER_WRITER; u++) {
                    UUID id = ids.get(random.nextInt(ids.size()));
                    updateWithRetry(id, "writer " + writer + " update " + u);
                    committed.incrementAndGet();
                }
            }));
        }
        for (Future<?> writer : writers) {
            writer.get(120, TimeUnit.SECONDS);
        }
        releaseLongTransaction.countDown();
        longTransaction.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        assertThat(committed.get()).isEqualTo(WRITERS * UPDATES_PER_WRITER);

        List<UUID> all = new ArrayList<>(ids);
        all.add(longLived);
        try (TopicReader topic = new TopicReader()) {
            for (UUID id : all) {
                DocumentView current = documents.get(id);
                List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(60))
                        .until(() -> topic.recordsFor(id.toString()), r -> !r.isEmpty()
                                && versionOf(r.get(r.size() - 1)) == current.version());
                List<Long> versions = records.stream().map(this::versionOf).toList();
                assertThat(versions).as("versions of %s in topic order", id)
                        .isEqualTo(java.util.stream.LongStream.rangeClosed(1, current.version()).boxed().toList());
                JsonNode last = json.readTree(records.get(records.size() - 1).value()).get("data");
                assertThat(last.get("summary").asText()).isEqualTo(current.summary());
            }
        }
    }

    private void updateWithRetry(UUID id, String summary) {
        while (true) {
            DocumentView current = documents.get(id);
            try {
                documents.patch(id, current.version(), json.createObjectNode().put("summary", summary));
                return;
            } catch (VersionConflictException e) {
                // another writer came first: read again and retry
            }
        }
    }

    private long versionOf(ConsumerRecord<String, String> record) {
        try {
            return json.readTree(record.value()).at("/data/version").asLong();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(120, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out waiting for the other transaction");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
