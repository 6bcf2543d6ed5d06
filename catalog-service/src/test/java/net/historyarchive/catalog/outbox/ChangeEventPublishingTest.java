package net.historyarchive.catalog.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import net.historyarchive.catalog.support.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The relay publishes every committed change to Kafka as a CloudEvent, in version order per document. */
@QuarkusTest
class ChangeEventPublishingTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void createUpdateDeleteArriveInOrderAsCloudEventsFollowedByATombstone() throws Exception {
        try (TopicReader topic = new TopicReader()) {
            String id = given().header("Authorization", Tokens.archivist()).contentType(ContentType.JSON)
                    .body("{\"title\": \"Telegram from Ponomarev\", \"places\": [\"Pyongyang\"]}")
                    .post("/api/v1/documents").then().statusCode(201).extract().path("id");
            given().header("Authorization", Tokens.archivist()).header("If-Match", "\"1\"")
                    .contentType("application/merge-patch+json").body("{\"summary\": \"Peng Dehuai informs the delegation.\"}")
                    .patch("/api/v1/documents/" + id).then().statusCode(200);
            given().header("Authorization", Tokens.archivist()).header("If-Match", "\"2\"")
                    .delete("/api/v1/documents/" + id).then().statusCode(204);

            List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.recordsFor(id), r -> r.size() >= 4);

            assertThat(records).hasSize(4);
            for (ConsumerRecord<String, String> record : records.subList(0, 3)) {
                assertThat(EventContract.violations(record.value())).as("contract violations of %s", record.value()).isEmpty();
            }
            JsonNode created = json.readTree(records.get(0).value());
            assertThat(created.get("specversion").asText()).isEqualTo("1.0");
            assertThat(created.get("type").asText()).isEqualTo("net.historyarchive.catalog.document.created.v1");
            assertThat(created.get("subject").asText()).isEqualTo(id);
            assertThat(created.get("source").asText()).isNotBlank();
            assertThat(created.get("id").asText()).isNotBlank();
            assertThat(created.get("time").asText()).isNotBlank();
            assertThat(created.get("datacontenttype").asText()).isEqualTo("application/json");
            assertThat(created.at("/data/version").asLong()).isEqualTo(1);
            assertThat(created.at("/data/title").asText()).isEqualTo("Telegram from Ponomarev");

            JsonNode updated = json.readTree(records.get(1).value());
            assertThat(updated.get("type").asText()).isEqualTo("net.historyarchive.catalog.document.updated.v1");
            assertThat(updated.at("/data/version").asLong()).isEqualTo(2);
            assertThat(updated.at("/data/summary").asText()).isEqualTo("Peng Dehuai informs the delegation.");

            JsonNode deleted = json.readTree(records.get(2).value());
            assertThat(deleted.get("type").asText()).isEqualTo("net.historyarchive.catalog.document.deleted.v1");
            assertThat(deleted.at("/data/version").asLong()).isEqualTo(3);
            assertThat(records.get(3).value()).as("tombstone after the deletion").isNull();
        }
    }

    @Test
    void aRejectedWritePublishesNothing() {
        try (TopicReader topic = new TopicReader()) {
            String id = given().header("Authorization", Tokens.archivist()).contentType(ContentType.JSON)
                    .body("{\"title\": \"Memo of the Directorate for Foreign Relations\"}")
                    .post("/api/v1/documents").then().statusCode(201).extract().path("id");
            // Rolled back: the merge patch blanks the title, which fails validation inside the transaction.
            given().header("Authorization", Tokens.archivist()).header("If-Match", "\"1\"")
                    .contentType("application/merge-patch+json").body("{\"title\": \"\"}")
                    .patch("/api/v1/documents/" + id).then().statusCode(400);
            // A later change proves the relay has caught up past the rejected write.
            given().header("Authorization", Tokens.archivist()).header("If-Match", "\"1\"")
                    .contentType("application/merge-patch+json").body("{\"summary\": \"Second version\"}")
                    .patch("/api/v1/documents/" + id).then().statusCode(200);

            List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.recordsFor(id), r -> r.size() >= 2);
            assertThat(records).extracting(r -> versionOf(r.value())).containsExactly(1L, 2L);
        }
    }

    @Test
    void anUndatedDocumentIsPublishedWithoutDateBounds() throws Exception {
        try (TopicReader topic = new TopicReader()) {
            String id = given().header("Authorization", Tokens.archivist()).contentType(ContentType.JSON)
                    .body("{\"title\": \"Undated note on the plenum\", \"date\": {\"precision\": \"UNKNOWN\", \"display\": \"n.d.\"}}")
                    .post("/api/v1/documents").then().statusCode(201).extract().path("id");

            List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.recordsFor(id), r -> !r.isEmpty());

            assertThat(EventContract.violations(records.get(0).value())).isEmpty();
            JsonNode date = json.readTree(records.get(0).value()).at("/data/date");
            assertThat(date.get("precision").asText()).isEqualTo("UNKNOWN");
            assertThat(date.has("start")).as("start in %s", date).isFalse();
            assertThat(date.has("end")).as("end in %s", date).isFalse();
        }
    }

    @Test
    void aDocumentNearTheBodyLimitIsPublishedAndDoesNotBlockLaterEvents() {
        try (TopicReader topic = new TopicReader()) {
            // Two texts just under the 1,000,000-character limit each: an event of about 1.8 MB, above Kafka's 1 MiB default.
            String transcript = "Kim Il Sung and his close aides are very satisfied. ".repeat(19_000);
            String big = given().header("Authorization", Tokens.archivist()).contentType(ContentType.JSON)
                    .body("{\"title\": \"Journal of A.M. Puzanov, full transcript\", \"texts\": [{\"kind\": \"TRANSCRIPT\", "
                            + "\"language\": \"en\", \"body\": \"" + transcript + "\"}, {\"kind\": \"TRANSLATION\", "
                            + "\"language\": \"ru\", \"body\": \"" + transcript + "\"}]}")
                    .post("/api/v1/documents").then().statusCode(201).extract().path("id");
            String after = given().header("Authorization", Tokens.archivist()).contentType(ContentType.JSON)
                    .body("{\"title\": \"Written after the large document\"}")
                    .post("/api/v1/documents").then().statusCode(201).extract().path("id");

            await().atMost(Duration.ofSeconds(30)).until(() -> !topic.recordsFor(after).isEmpty() && !topic.recordsFor(big).isEmpty());
            List<ConsumerRecord<String, String>> records = topic.recordsFor(big);
            assertThat(records).hasSize(1);
            assertThat(records.get(0).value().length()).isGreaterThan(1_800_000);
        }
    }

    private long versionOf(String event) {
        try {
            return json.readTree(event).at("/data/version").asLong();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
