package net.historyarchive.search.ingest;

import io.quarkus.test.junit.QuarkusTest;
import net.historyarchive.infra.DevToken;
import net.historyarchive.search.support.CatalogEvents;
import net.historyarchive.search.support.Engine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The two event lanes against real Kafka and the real view: an interactive change is searchable
 * while a long import in the bulk lane is still being applied, and whichever lane delivers a
 * document's events, its newest version wins, deletions included (also after a rebuild, which
 * replays both lanes).
 */
@QuarkusTest
class EventLanesTest {

    private static final int IMPORT_SIZE = 10_000;

    private final CatalogEvents interactive = new CatalogEvents(CatalogEvents.TOPIC);
    private final CatalogEvents bulk = new CatalogEvents(CatalogEvents.BULK_TOPIC);

    @AfterEach
    void close() {
        interactive.close();
        bulk.close();
    }

    @Test
    void anInteractiveChangeOvertakesALongImport() {
        long before = liveDocuments();
        SyntheticEvents synthetic = new SyntheticEvents(11);
        LinkedHashMap<UUID, String> imported = new LinkedHashMap<>();
        for (int i = 0; i < IMPORT_SIZE; i++) {
            UUID id = UUID.randomUUID();
            imported.put(id, synthetic.snapshotEvent(id, 1));
        }
        bulk.sendAll(imported);
        UUID edited = UUID.randomUUID();
        interactive.send(edited, CatalogEvents.example("created", edited));

        awaitVersion(edited, 1);
        long importedSoFar = liveDocuments() - before - 1;
        assertThat(importedSoFar).as("documents of the import already applied when the interactive change was").isLessThan(IMPORT_SIZE);

        await().atMost(Duration.ofMinutes(5)).until(() -> liveDocuments() - before - 1 == IMPORT_SIZE);
        given().get("/api/v1/freshness").then().statusCode(200)
                .body("lanes.interactive.applied", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("lanes.bulk.applied", org.hamcrest.Matchers.greaterThanOrEqualTo(IMPORT_SIZE));
    }

    @Test
    void anOlderBulkSnapshotNeverOverwritesANewerInteractiveVersion() {
        UUID id = UUID.randomUUID();
        interactive.send(id, CatalogEvents.example("updated", id)); // version 2
        awaitVersion(id, 2);
        bulk.send(id, CatalogEvents.example("created", id)); // version 1, re-imported late
        awaitBulkLaneProcessedUpToHere();
        given().get("/api/v1/documents/" + id).then().statusCode(200).body("version", equalTo(2))
                .body("summary", equalTo("Corrected summary."));
    }

    @Test
    void aDeletionWinsWhicheverLaneBringsItAndWhicheverComesFirst() {
        UUID deletedFirst = UUID.randomUUID();
        interactive.send(deletedFirst, CatalogEvents.example("deleted", deletedFirst)); // version 3
        interactive.send(deletedFirst, null);
        UUID importedFirst = UUID.randomUUID();
        bulk.send(importedFirst, CatalogEvents.example("created", importedFirst));
        awaitVersion(importedFirst, 1);
        interactive.send(importedFirst, CatalogEvents.example("deleted", importedFirst));
        interactive.send(importedFirst, null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/documents/" + importedFirst).then().statusCode(404));

        // The import of the same documents arrives after the deletions; then the bulk lane's copies of the deletions.
        bulk.send(deletedFirst, CatalogEvents.example("created", deletedFirst));
        bulk.send(deletedFirst, CatalogEvents.example("updated", deletedFirst));
        bulk.send(importedFirst, CatalogEvents.example("updated", importedFirst));
        awaitBulkLaneProcessedUpToHere();
        given().get("/api/v1/documents/" + deletedFirst).then().statusCode(404);
        given().get("/api/v1/documents/" + importedFirst).then().statusCode(404);
        for (UUID id : new UUID[] {deletedFirst, importedFirst}) {
            bulk.send(id, CatalogEvents.example("deleted", id));
            bulk.send(id, null);
        }

        UUID bulkOnly = UUID.randomUUID();
        bulk.send(bulkOnly, CatalogEvents.example("created", bulkOnly));
        awaitVersion(bulkOnly, 1);
        rebuild();
        given().get("/api/v1/documents/" + bulkOnly).then().statusCode(200).body("version", equalTo(1));
        given().get("/api/v1/documents/" + deletedFirst).then().statusCode(404);
        given().get("/api/v1/documents/" + importedFirst).then().statusCode(404);
    }

    /** The test topics have one partition, so once a new marker document of the bulk lane is in the view, everything sent before it is too. */
    private void awaitBulkLaneProcessedUpToHere() {
        UUID marker = UUID.randomUUID();
        bulk.send(marker, CatalogEvents.example("created", marker));
        awaitVersion(marker, 1);
    }

    private static void rebuild() {
        String admin = "Bearer " + DevToken.mint("test-admin", List.of("archive-admin"), Duration.ofHours(1));
        String live = Engine.liveIndex();
        given().header("Authorization", admin).post("/api/v1/admin/rebuild").then().statusCode(202);
        await().atMost(Duration.ofMinutes(5)).until(() -> "SUCCEEDED".equals(
                given().header("Authorization", admin).get("/api/v1/admin/rebuild").jsonPath().getString("state")));
        assertThat(Engine.liveIndex()).as("the alias moved to the rebuilt generation").isNotEqualTo(live);
    }

    /** Live (not deleted) documents in the view, counted by the engine. */
    private static long liveDocuments() {
        Engine.post("/" + Engine.ALIAS + "/_refresh", "");
        return Engine.post("/" + Engine.ALIAS + "/_count", "{\"query\": {\"term\": {\"deleted\": false}}}").get("count").asLong();
    }

    private static void awaitVersion(UUID id, int version) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/api/v1/documents/" + id).then().statusCode(200).body("version", equalTo(version)));
    }
}
