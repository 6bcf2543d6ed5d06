package net.historyarchive.catalog.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import net.historyarchive.catalog.support.Api;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static net.historyarchive.catalog.support.Api.asArchivist;
import static net.historyarchive.catalog.support.Ndjson.document;
import static net.historyarchive.catalog.support.Ndjson.importLines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bulk work and single changes travel in separate lanes (EventLane), on real Kafka: an import's
 * events in the bulk topic only, an edit through the API in the interactive topic only, and a
 * deletion in both, each followed by its tombstone, so that neither topic replays a deleted document.
 */
@QuarkusTest
class EventLanesTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void importsAreBulkEditsAreInteractiveAndDeletionsReachBoth() throws Exception {
        try (TopicReader interactive = new TopicReader(TopicReader.TOPIC); TopicReader bulk = new TopicReader(TopicReader.BULK_TOPIC)) {
            List<String> ids = importLines(document("Lane import one", null) + "\n" + document("Lane import two", null) + "\n", null)
                    .then().statusCode(200).extract().jsonPath().getList("ids");
            String imported = ids.get(0);
            Api.patchDocument(imported, "\"1\"", "{\"summary\": \"corrected by an archivist\"}").then().statusCode(200);
            asArchivist().header("If-Match", "\"2\"").delete(Api.DOCUMENTS + "/" + imported).then().statusCode(204);
            String single = Api.createDocumentTitled("Lane single create");

            List<ConsumerRecord<String, String>> bulkRecords = await().atMost(Duration.ofSeconds(30))
                    .until(() -> bulk.recordsFor(imported), r -> r.size() >= 3);
            assertThat(bulkRecords).extracting(r -> typeAndVersion(r.value()))
                    .containsExactly("created.v1@1", "deleted.v1@3", "tombstone");
            await().atMost(Duration.ofSeconds(30)).until(() -> !bulk.recordsFor(ids.get(1)).isEmpty());

            List<ConsumerRecord<String, String>> interactiveRecords = await().atMost(Duration.ofSeconds(30))
                    .until(() -> interactive.recordsFor(imported), r -> r.size() >= 3);
            assertThat(interactiveRecords).extracting(r -> typeAndVersion(r.value()))
                    .containsExactly("updated.v1@2", "deleted.v1@3", "tombstone");
            await().atMost(Duration.ofSeconds(30)).until(() -> !interactive.recordsFor(single).isEmpty());

            assertThat(interactive.recordsFor(ids.get(1))).as("an imported document in the interactive lane").isEmpty();
            assertThat(bulk.recordsFor(single)).as("a single create in the bulk lane").isEmpty();
        }
    }

    private String typeAndVersion(String event) {
        if (event == null) {
            return "tombstone";
        }
        try {
            var node = json.readTree(event);
            String type = node.get("type").asText();
            return type.substring(type.lastIndexOf('.', type.length() - 4) + 1) + "@" + node.at("/data/version").asLong();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
