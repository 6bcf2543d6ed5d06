package net.historyarchive.search.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import net.historyarchive.search.engine.ViewWriter;
import net.historyarchive.search.support.CatalogEvents;
import net.historyarchive.search.view.ChangeEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * POST /api/v1/admin/consistency compares the catalog's change feed (here a real HTTP server
 * serving the feed's format) with every id, version and tombstone of the live view, reports each
 * kind of difference, repairs all but the ones it must not touch, and exposes the result as metrics.
 */
@QuarkusTest
@TestProfile(ConsistencyCheckTest.OwnViewAndCatalog.class)
class ConsistencyCheckTest {

    private static final String CHECK = "/api/v1/admin/consistency";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An index prefix of its own and no consumer, so the view holds exactly what this test writes. */
    public static class OwnViewAndCatalog implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("archive.opensearch.index-prefix", "consistency-check", "archive.ingest.enabled", "false");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeCatalog.class));
        }
    }

    @Inject
    ViewWriter view;

    private final UUID same = UUID.randomUUID();
    private final UUID stale = UUID.randomUUID();
    private final UUID missing = UUID.randomUUID();
    private final UUID deletedInCatalog = UUID.randomUUID();
    private final UUID unknownToCatalog = UUID.randomUUID();
    private final UUID ahead = UUID.randomUUID();
    private final UUID deletedOnBothSides = UUID.randomUUID();
    private final UUID notYetInFeed = UUID.randomUUID();

    @Test
    void reportsEveryKindOfDifferenceRepairsThemAndExposesTheResult() throws IOException {
        view.apply(List.of(live(same, 1), live(stale, 1), live(deletedInCatalog, 1), live(unknownToCatalog, 3), live(ahead, 5),
                new ChangeEvent(deletedOnBothSides, 2, true, null), live(notYetInFeed, 1)), ViewWriter.Visibility.IMMEDIATE);
        ArrayNode changes = JSON.createArrayNode();
        changes.add(upsert(same, 1)).add(upsert(stale, 2)).add(upsert(missing, 1)).add(upsert(ahead, 4))
                .add(deletion(deletedInCatalog, 2)).add(deletion(deletedOnBothSides, 2));
        Files.writeString(catalog().resolve("changes.json"), JSON.writeValueAsString(JSON.createObjectNode()
                .<ObjectNode>set("changes", changes).put("nextCursor", "page-2")));
        // Committed, but the feed holds it back (an older transaction still runs): not a phantom.
        catalogDocument(notYetInFeed, 1);
        // The check reads the searchable view: wait for the refresh that publishes the batch above.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> given().get("/api/v1/documents/" + same).statusCode() == 200);

        given().header("Authorization", AdminTokens.admin()).get(CHECK).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", AdminTokens.admin()).post(CHECK).then().statusCode(200)
                .body("repair", equalTo(false))
                .body("catalogDocuments", equalTo(4)).body("catalogDeletions", equalTo(2))
                .body("viewDocuments", equalTo(6)).body("viewTombstones", equalTo(1))
                .body("missing", equalTo(1)).body("stale", equalTo(1)).body("phantoms", equalTo(2)).body("ahead", equalTo(1))
                .body("differences", equalTo(5)).body("repaired", equalTo(0))
                .body("listed.find { it.id == '" + stale + "' }.kind", equalTo("STALE"))
                .body("listed.find { it.id == '" + stale + "' }.catalogVersion", equalTo(2))
                .body("listed.find { it.id == '" + stale + "' }.viewVersion", equalTo(1))
                .body("listed.find { it.id == '" + missing + "' }.kind", equalTo("MISSING"))
                .body("listed.find { it.id == '" + deletedInCatalog + "' }.kind", equalTo("PHANTOM"))
                .body("listed.find { it.id == '" + unknownToCatalog + "' }.kind", equalTo("PHANTOM"))
                .body("listed.find { it.id == '" + ahead + "' }.kind", equalTo("AHEAD"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("search_consistency_differences{kind=\"phantom\"} 2.0"))
                .body(containsString("search_consistency_differences{kind=\"missing\"} 1.0"))
                .body(containsString("search_consistency_last_check_timestamp_seconds"));
        given().get("/api/v1/documents/" + missing).then().statusCode(404);

        given().header("Authorization", AdminTokens.admin()).queryParam("repair", "true").post(CHECK).then().statusCode(200)
                .body("repair", equalTo(true)).body("differences", equalTo(5)).body("repaired", equalTo(4))
                .body("listed.findAll { it.repaired }.id", hasItems(stale.toString(), missing.toString(),
                        deletedInCatalog.toString(), unknownToCatalog.toString()))
                .body("listed.find { it.id == '" + ahead + "' }.repaired", equalTo(false));
        // Repairs are searchable after the view's next refresh (a quarter second).
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
            given().get("/api/v1/documents/" + missing).then().statusCode(200).body("version", equalTo(1));
            given().get("/api/v1/documents/" + stale).then().statusCode(200).body("version", equalTo(2));
            given().get("/api/v1/documents/" + deletedInCatalog).then().statusCode(404);
            given().get("/api/v1/documents/" + unknownToCatalog).then().statusCode(404);
        });

        given().header("Authorization", AdminTokens.admin()).post(CHECK).then().statusCode(200)
                .body("differences", equalTo(1)).body("ahead", equalTo(1)).body("missing", equalTo(0))
                .body("stale", equalTo(0)).body("phantoms", equalTo(0));
        given().header("Authorization", AdminTokens.admin()).get(CHECK).then().statusCode(200).body("differences", equalTo(1));
        given().get("/q/metrics").then().body(containsString("search_consistency_differences{kind=\"phantom\"} 0.0"));
    }

    @Test
    void onlyAdminsMayCheckAndRepairIsTrueOrFalse() {
        given().post(CHECK).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", AdminTokens.archivist()).post(CHECK).then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", AdminTokens.admin()).queryParam("repair", "yes").post(CHECK).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("repair"));
    }

    private static ChangeEvent live(UUID id, long version) throws IOException {
        return new ChangeEvent(id, version, false, snapshot(id, version));
    }

    private static ObjectNode snapshot(UUID id, long version) throws IOException {
        ObjectNode data = (ObjectNode) JSON.readTree(CatalogEvents.example("created", id)).get("data");
        return data.put("version", version);
    }

    private static ObjectNode upsert(UUID id, long version) throws IOException {
        ObjectNode document = snapshot(id, version);
        catalogDocument(id, version);
        return JSON.createObjectNode().put("type", "UPSERT").put("id", id.toString()).put("version", version)
                .set("document", document);
    }

    private static ObjectNode deletion(UUID id, long version) {
        return JSON.createObjectNode().put("type", "DELETE").put("id", id.toString()).put("version", version)
                .put("deletedAt", "2026-12-01T10:00:00Z");
    }

    private static void catalogDocument(UUID id, long version) throws IOException {
        Files.writeString(catalog().resolve("documents").resolve(id + ".json"), JSON.writeValueAsString(snapshot(id, version)));
    }

    private static Path catalog() {
        return Path.of(System.getProperty(FakeCatalog.DIRECTORY));
    }
}
