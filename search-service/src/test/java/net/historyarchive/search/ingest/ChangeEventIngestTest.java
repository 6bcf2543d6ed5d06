package net.historyarchive.search.ingest;

import io.quarkus.test.junit.QuarkusTest;
import net.historyarchive.infra.ArchiveInfraResource;
import net.historyarchive.search.support.CatalogEvents;
import net.historyarchive.search.support.Engine;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The view applies the catalog's events idempotently and in version order whatever order they
 * arrive in, keeps deletions as versioned tombstones, and dead-letters what it can never apply.
 */
@QuarkusTest
class ChangeEventIngestTest {

    private final CatalogEvents catalog = new CatalogEvents();

    @AfterEach
    void close() {
        catalog.close();
    }

    @Test
    void appliesACreatedDocument() {
        UUID id = UUID.randomUUID();
        catalog.send(id, CatalogEvents.example("created", id));
        awaitVersion(id, 1);
        given().get("/api/v1/documents/" + id).then().statusCode(200)
                .body("title", equalTo("Record of a Meeting between the Soviet and Chinese Delegations"));
    }

    @Test
    void duplicatesAreHarmless() {
        UUID id = UUID.randomUUID();
        catalog.send(id, CatalogEvents.example("created", id));
        catalog.send(id, CatalogEvents.example("updated", id));
        catalog.send(id, CatalogEvents.example("updated", id));
        awaitVersion(id, 2);
        given().get("/api/v1/documents/" + id).then().body("summary", equalTo("Corrected summary."));
    }

    @Test
    void anOlderEventArrivingLateDoesNotOverwriteANewerOne() {
        UUID id = UUID.randomUUID();
        catalog.send(id, CatalogEvents.example("updated", id));
        catalog.send(id, CatalogEvents.example("created", id));
        awaitProcessedUpToHere();
        awaitVersion(id, 2);
        given().get("/api/v1/documents/" + id).then().body("version", equalTo(2)).body("summary", equalTo("Corrected summary."));
    }

    @Test
    void aDeletionIsNotUndoneByALateUpdate() {
        UUID id = UUID.randomUUID();
        catalog.send(id, CatalogEvents.example("created", id));
        awaitVersion(id, 1);
        catalog.send(id, CatalogEvents.example("deleted", id));
        catalog.send(id, null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/documents/" + id).then().statusCode(404));
        catalog.send(id, CatalogEvents.example("updated", id)); // version 2 < the deletion's version 3
        awaitProcessedUpToHere();
        given().get("/api/v1/documents/" + id).then().statusCode(404);
    }

    @Test
    void aDeletionStaysDeletedAfterTheEngineForgetsDeletedVersions() {
        // OpenSearch forgets the version of a really deleted document after index.gc_deletes (60 s by
        // default); then an older write would be accepted as new. The view never deletes: a deletion
        // is a tombstone with its version. Prove it with gc_deletes at zero.
        String live = Engine.liveIndex();
        Engine.put("/" + live + "/_settings", "{\"index\": {\"gc_deletes\": \"0s\"}}");
        try {
            UUID id = UUID.randomUUID();
            catalog.send(id, CatalogEvents.example("created", id));
            awaitVersion(id, 1);
            catalog.send(id, CatalogEvents.example("deleted", id));
            catalog.send(id, null);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/documents/" + id).then().statusCode(404));
            Engine.post("/" + live + "/_flush", null);
            catalog.send(id, CatalogEvents.example("updated", id)); // version 2 < the deletion's version 3
            catalog.send(id, CatalogEvents.example("created", id));
            awaitProcessedUpToHere();
            given().get("/api/v1/documents/" + id).then().statusCode(404);
            assertThat(Engine.get("/" + live + "/_doc/" + id).path("_version").asLong()).isEqualTo(3);
        } finally {
            Engine.put("/" + live + "/_settings", "{\"index\": {\"gc_deletes\": null}}");
        }
    }

    @Test
    void anUndatedDocumentIsAppliedWhetherItsDateBoundsAreAbsentOrNull() {
        UUID absent = UUID.randomUUID();
        catalog.send(absent, CatalogEvents.example("created", absent).replaceFirst(
                "\"date\": *\\{[^}]*\\}", "\"date\": {\"display\": \"n.d.\", \"precision\": \"UNKNOWN\", \"qualifier\": \"NONE\"}"));
        // catalog-service sent explicit nulls before 2026-11-30; such events are still on topics
        UUID nulls = UUID.randomUUID();
        catalog.send(nulls, CatalogEvents.example("created", nulls).replaceFirst(
                "\"date\": *\\{[^}]*\\}", "\"date\": {\"display\": \"n.d.\", \"start\": null, \"end\": null, "
                        + "\"precision\": \"UNKNOWN\", \"qualifier\": \"NONE\"}"));

        for (UUID id : List.of(absent, nulls)) {
            awaitVersion(id, 1);
            given().get("/api/v1/documents/" + id).then().body("date.precision", equalTo("UNKNOWN"))
                    .body("date.display", equalTo("n.d."));
        }
    }

    @Test
    void poisonEventsGoToTheDeadLetterTopicAndTheStreamGoesOn() {
        UUID broken = UUID.randomUUID();
        catalog.send(broken, "{not json");
        UUID invalid = UUID.randomUUID();
        catalog.send(invalid, CatalogEvents.example("created", invalid).replace("\"title\":", "\"heading\":"));
        UUID fine = UUID.randomUUID();
        catalog.send(fine, CatalogEvents.example("created", fine));

        awaitVersion(fine, 1);
        awaitDeadLetter(broken, "not JSON");
        awaitDeadLetter(invalid, "violates the contract");
        given().get("/api/v1/documents/" + invalid).then().statusCode(404);
        given().get("/api/v1/freshness").then().statusCode(200)
                .body("deadLettered", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
        given().get("/q/metrics").then().body(org.hamcrest.Matchers.containsString("search_events_dead_lettered_total"));
    }

    /**
     * The test topic has one partition (see CatalogEvents), so once a new marker document is in the
     * view, every event sent before it has been processed and its batch committed.
     */
    private void awaitProcessedUpToHere() {
        UUID marker = UUID.randomUUID();
        catalog.send(marker, CatalogEvents.example("created", marker));
        awaitVersion(marker, 1);
    }

    private static void awaitVersion(UUID id, int version) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/documents/" + id).then().statusCode(200).body("version", equalTo(version)));
    }

    private static void awaitDeadLetter(UUID key, String reasonPart) {
        try (KafkaConsumer<String, String> dlq = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ArchiveInfraResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            dlq.subscribe(List.of("archive.documents.v1.dlq"));
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                dlq.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().anyMatch(r -> key.toString().equals(r.key())
                        && new String(r.headers().lastHeader("dlq-reason").value(), StandardCharsets.UTF_8).contains(reasonPart));
            });
            assertThat(seen).isNotEmpty();
        }
    }
}
