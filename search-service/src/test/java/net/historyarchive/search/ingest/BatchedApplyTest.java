package net.historyarchive.search.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.historyarchive.infra.ArchiveInfraResource;
import net.historyarchive.search.engine.ViewWriter;
import net.historyarchive.search.support.CatalogEvents;
import net.historyarchive.search.support.Engine;
import net.historyarchive.search.view.ApplyResult;
import net.historyarchive.search.view.ChangeEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The view applies a whole poll as one bulk request with external versions: within one batch and
 * across batches only a newer version wins, deletions stay as versioned tombstones, and what
 * search and suggestions find follows exactly what was applied.
 */
@QuarkusTest
class BatchedApplyTest {

    @Inject
    ViewWriter writer;
    @Inject
    ObjectMapper json;

    private final CatalogEvents catalog = new CatalogEvents();
    private final Random random = new Random();

    @AfterEach
    void close() {
        catalog.close();
    }

    @Test
    void oneBatchAppliesOnlyTheNewestVersionOfEachDocument() throws Exception {
        UUID duplicated = UUID.randomUUID();
        UUID single = UUID.randomUUID();
        UUID deletedInBatch = UUID.randomUUID();
        UUID deletionFirst = UUID.randomUUID();
        ApplyResult first = writer.apply(List.of(
                event("created", duplicated), event("updated", duplicated), event("updated", duplicated), event("created", duplicated),
                event("created", single),
                event("created", deletedInBatch), event("deleted", deletedInBatch), event("updated", deletedInBatch),
                event("deleted", deletionFirst), event("created", deletionFirst)), ViewWriter.Visibility.IMMEDIATE);
        assertThat(first.applied()).as("each write that raised a version").isEqualTo(6);
        assertThat(first.stale()).as("duplicates and older versions, refused by the engine").isEqualTo(4);
        assertThat(first.rejected()).isEmpty();
        awaitDocument(duplicated).body("version", equalTo(2)).body("summary", equalTo("Corrected summary."));
        awaitDocument(single).body("version", equalTo(1));
        given().get("/api/v1/documents/" + deletedInBatch).then().statusCode(404);
        given().get("/api/v1/documents/" + deletionFirst).then().statusCode(404);

        // A later batch of duplicates, stale versions and late updates of deleted documents changes nothing.
        ApplyResult second = writer.apply(List.of(event("created", single), event("created", duplicated),
                event("updated", deletedInBatch), event("updated", deletionFirst), event("deleted", deletionFirst)), ViewWriter.Visibility.IMMEDIATE);
        assertThat(second.applied()).isZero();
        assertThat(second.stale()).isEqualTo(5);
        document(duplicated).body("version", equalTo(2)).body("summary", equalTo("Corrected summary."));
        document(single).body("version", equalTo(1));
        given().get("/api/v1/documents/" + deletedInBatch).then().statusCode(404);
        for (UUID deleted : List.of(deletedInBatch, deletionFirst)) {
            JsonNode stored = engineDocument(deleted);
            assertThat(stored.path("_version").asLong()).as("a tombstone keeps the deletion's version").isEqualTo(3);
            assertThat(stored.at("/_source/deleted").asBoolean()).isTrue();
            assertThat(stored.at("/_source/snapshot").isMissingNode()).isTrue();
        }

        // A deleted document's newer version (the catalog never sends one, but the rule holds) wins.
        assertThat(writer.apply(List.of(event("updated", deletionFirst, 4)), ViewWriter.Visibility.IMMEDIATE).applied()).isEqualTo(1);
        awaitDocument(deletionFirst).body("version", equalTo(4));
    }

    @Test
    void aBurstOfEventsFromKafkaKeepsTheGuarantees() {
        UUID lateOlder = UUID.randomUUID();
        UUID deletedThenLateUpdate = UUID.randomUUID();
        UUID duplicated = UUID.randomUUID();
        UUID poison = UUID.randomUUID();
        List<UUID> plain = new ArrayList<>();
        // Sent without waiting for each acknowledgement, so that they arrive in few polls.
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ArchiveInfraResource.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 50),
                new StringSerializer(), new StringSerializer())) {
            List<ProducerRecord<String, String>> burst = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                UUID id = UUID.randomUUID();
                plain.add(id);
                burst.add(record(id, CatalogEvents.example("created", id)));
            }
            burst.add(record(lateOlder, CatalogEvents.example("updated", lateOlder)));
            burst.add(record(duplicated, CatalogEvents.example("created", duplicated)));
            burst.add(record(deletedThenLateUpdate, CatalogEvents.example("created", deletedThenLateUpdate)));
            burst.add(record(poison, "{\"specversion\": \"1.0\", broken"));
            burst.add(record(duplicated, CatalogEvents.example("updated", duplicated)));
            burst.add(record(deletedThenLateUpdate, CatalogEvents.example("deleted", deletedThenLateUpdate)));
            burst.add(record(deletedThenLateUpdate, null));
            burst.add(record(lateOlder, CatalogEvents.example("created", lateOlder)));
            burst.add(record(duplicated, CatalogEvents.example("updated", duplicated)));
            burst.add(record(deletedThenLateUpdate, CatalogEvents.example("updated", deletedThenLateUpdate)));
            burst.forEach(producer::send);
            producer.flush();
        }
        UUID marker = UUID.randomUUID(); // one partition: once this is applied, so is the burst
        catalog.send(marker, CatalogEvents.example("created", marker));
        awaitDocument(marker).body("version", equalTo(1));

        plain.forEach(id -> document(id).body("version", equalTo(1)));
        document(lateOlder).body("version", equalTo(2)).body("summary", equalTo("Corrected summary."));
        document(duplicated).body("version", equalTo(2));
        given().get("/api/v1/documents/" + deletedThenLateUpdate).then().statusCode(404);
        given().get("/api/v1/documents/" + poison).then().statusCode(404);
    }

    @Test
    void searchAndSuggestionsFollowWhatIsApplied() {
        String titleWord = word();
        String person = "Ŝtefan Ďurovič-" + word();
        String place = "Ústí " + word();
        String bodyWord = word();
        UUID id = UUID.randomUUID();
        catalog.send(id, CatalogEvents.example("created", id)
                .replace("Record of a Meeting", "Record of a " + titleWord.toUpperCase() + " Meeting")
                .replace("\"Pak Il-u\"", "\"" + person + "\"")
                .replace("\"Beijing\"", "\"" + place + "\"")
                .replace("We have received information", "We have " + bodyWord + " information"));
        awaitDocument(id).body("version", equalTo(1));

        assertThat(found(titleWord)).containsExactly(id.toString());
        assertThat(found(bodyWord)).containsExactly(id.toString());
        String folded = person.replace("Ŝtefan Ďurovič", "stefan durovic");
        assertThat(given().queryParam("q", folded).queryParam("kind", "person").get("/api/v1/suggestions")
                .then().statusCode(200).extract().jsonPath().getList("suggestions.value")).containsExactly(person);
        assertThat(given().queryParam("q", "usti " + place.substring(5, 9)).queryParam("kind", "place").get("/api/v1/suggestions")
                .then().statusCode(200).extract().jsonPath().getList("suggestions.value")).containsExactly(place);

        // A newer version brings its new words; an older one arriving late brings none.
        String newer = word();
        String stale = word();
        catalog.send(id, CatalogEvents.example("updated", id).replace("Corrected summary.", "Corrected " + newer + " summary."));
        catalog.send(id, CatalogEvents.example("created", id).replace("Record of a Meeting", "Record of a " + stale + " Meeting"));
        UUID marker = UUID.randomUUID();
        catalog.send(marker, CatalogEvents.example("created", marker));
        awaitDocument(marker).body("version", equalTo(1));
        document(id).body("version", equalTo(2));
        assertThat(found(newer)).containsExactly(id.toString());
        assertThat(found(stale)).isEmpty();
    }

    /** A batch larger than one bulk request (250 documents) is still searchable the moment it is applied. */
    @Test
    void anInteractiveBatchOfSeveralRequestsIsSearchableWhenApplied() throws Exception {
        String titleWord = word();
        List<ChangeEvent> events = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            UUID id = UUID.randomUUID();
            String text = CatalogEvents.example("created", id).replace("Record of a Meeting", "Record of a " + titleWord + " Meeting");
            events.add(new EventDecoder(json).decode(id.toString(), text.getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(writer.apply(events, ViewWriter.Visibility.IMMEDIATE).applied()).isEqualTo(600);
        assertThat(given().queryParam("q", titleWord).queryParam("size", 1).get("/api/v1/search").then().statusCode(200)
                .extract().jsonPath().getInt("total.value")).as("found without waiting for a periodic refresh").isEqualTo(600);
    }

    /**
     * An archivist's edit (SOON) is made searchable by the refresh the writer asks for, not by the
     * index's periodic one: with periodic refreshes off, it is still found.
     */
    @Test
    void anInteractiveChangeIsRefreshedWithoutThePeriodicRefresh() throws Exception {
        String titleWord = word();
        UUID id = UUID.randomUUID();
        String text = CatalogEvents.example("created", id).replace("Record of a Meeting", "Record of a " + titleWord + " Meeting");
        String live = Engine.liveIndex();
        Engine.put("/" + live + "/_settings", "{\"index\": {\"refresh_interval\": \"-1\"}}");
        try {
            writer.apply(List.of(new EventDecoder(json).decode(id.toString(), text.getBytes(StandardCharsets.UTF_8))),
                    ViewWriter.Visibility.SOON);
            await().atMost(Duration.ofSeconds(60)).until(() -> found(titleWord).contains(id.toString()));
        } finally {
            Engine.put("/" + live + "/_settings", "{\"index\": {\"refresh_interval\": \"5s\"}}");
        }
    }

    private List<String> found(String query) {
        return given().queryParam("q", query).get("/api/v1/search").then().statusCode(200).extract().jsonPath().getList("hits.id");
    }

    private ChangeEvent event(String kind, UUID id) {
        return new EventDecoder(json).decode(id.toString(), CatalogEvents.example(kind, id).getBytes(StandardCharsets.UTF_8));
    }

    private ChangeEvent event(String kind, UUID id, long version) {
        String text = CatalogEvents.example(kind, id).replaceFirst("\"version\": \\d+", "\"version\": " + version);
        return new EventDecoder(json).decode(id.toString(), text.getBytes(StandardCharsets.UTF_8));
    }

    /** The engine's own record of a document, tombstones included (the API hides those). */
    private static JsonNode engineDocument(UUID id) {
        return Engine.get("/" + Engine.ALIAS + "/_doc/" + id);
    }

    private static ProducerRecord<String, String> record(UUID key, String value) {
        return new ProducerRecord<>(CatalogEvents.TOPIC, key.toString(), value);
    }

    private static io.restassured.response.ValidatableResponse document(UUID id) {
        return given().get("/api/v1/documents/" + id).then().statusCode(200);
    }

    /** Waits until the document is searchable (the detail reads the searchable view). */
    private static io.restassured.response.ValidatableResponse awaitDocument(UUID id) {
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/api/v1/documents/" + id).statusCode() == 200);
        return document(id);
    }

    /** A made-up word no other test uses (letters only, so the parser keeps it whole). */
    private String word() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
