package net.historyarchive.catalog.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import net.historyarchive.catalog.support.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A catalog killed after Kafka acknowledged an event but before the outbox row was marked leaves
 * exactly this state: the event is in Kafka and its row is unpublished. The test recreates that
 * state and checks the relay delivers the event again (a duplicate with the same CloudEvents id)
 * rather than losing anything.
 */
@QuarkusTest
class RedeliveryAfterCrashTest {

    @Inject
    AgroalDataSource dataSource;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anEventWhoseMarkWasLostIsPublishedAgain() throws Exception {
        String id = given().header("Authorization", Tokens.archivist()).contentType(ContentType.JSON)
                .body("{\"title\": \"Journal of Soviet Ambassador to the DPRK A.M. Puzanov\"}")
                .post("/api/v1/documents").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> isPublished(id));

        try (Connection connection = dataSource.getConnection();
             PreparedStatement unmark = connection.prepareStatement(
                     "UPDATE outbox_event SET published_at = NULL WHERE aggregate_id = ?")) {
            unmark.setObject(1, UUID.fromString(id));
            unmark.executeUpdate();
        }

        try (TopicReader topic = new TopicReader()) {
            List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.recordsFor(id), r -> r.size() >= 2);
            assertThat(records).hasSize(2);
            assertThat(json.readTree(records.get(1).value()).get("id").asText())
                    .as("the redelivered event keeps its CloudEvents id, so consumers can recognise it")
                    .isEqualTo(json.readTree(records.get(0).value()).get("id").asText());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> isPublished(id));
    }

    private boolean isPublished(String id) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT bool_and(published_at IS NOT NULL) FROM outbox_event WHERE aggregate_id = ?")) {
            query.setObject(1, UUID.fromString(id));
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
