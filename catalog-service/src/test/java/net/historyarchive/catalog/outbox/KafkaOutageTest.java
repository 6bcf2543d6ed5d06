package net.historyarchive.catalog.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import net.historyarchive.catalog.support.Tokens;
import net.historyarchive.infra.ArchiveInfraResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.awaitility.Awaitility.await;

/**
 * Archivists keep writing while Kafka is down; readiness reports the stuck relay; every change
 * reaches Kafka once it is back.
 */
@QuarkusTest
class KafkaOutageTest {

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void brokerBack() {
        if (!ArchiveInfraResource.isKafkaRunning()) {
            ArchiveInfraResource.startKafka();
        }
    }

    @Test
    void writesSucceedDuringAnOutageAndAllEventsArriveAfterIt() throws Exception {
        ArchiveInfraResource.stopKafka();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            ids.add(given().header("Authorization", Tokens.archivist()).contentType(ContentType.JSON)
                    .body("{\"title\": \"Written while Kafka is down " + i + "\"}")
                    .post("/api/v1/documents").then().statusCode(201).extract().path("id"));
        }
        assertThat(unpublished(ids)).as("nothing can be published while the broker is down").isEqualTo(ids.size());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'outbox-relay' }.status", equalTo("DOWN")));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("outbox_backlog_rows"), containsString("outbox_publish_errors_total"));

        ArchiveInfraResource.startKafka();

        try (TopicReader topic = new TopicReader()) {
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                for (String id : ids) {
                    assertThat(topic.recordsFor(id)).as("events of %s", id).isNotEmpty();
                }
            });
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> unpublished(ids) == 0);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }

    private long unpublished(List<String> ids) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(
                     "SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND aggregate_id = ANY (?)")) {
            count.setArray(1, connection.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray()));
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
