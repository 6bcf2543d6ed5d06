package net.historyarchive.search.admin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import net.historyarchive.search.support.CatalogEvents;
import net.historyarchive.search.support.Engine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;

/**
 * POST /api/v1/admin/rebuild rebuilds the view from the beginning of the topic into a new index
 * generation while the live one keeps answering and consuming, then moves the alias: every
 * document at its newest version, deletions still deleted, whatever changed during the rebuild
 * included, nothing that no event described. Its status is shared through OpenSearch.
 */
@QuarkusTest
class ViewRebuildTest {

    private static final String REBUILD = "/api/v1/admin/rebuild";

    @Inject
    RebuildGate gate;

    private final CatalogEvents catalog = new CatalogEvents();

    @AfterEach
    void close() {
        gate.release();
        catalog.close();
    }

    @Test
    void rebuildsFromTheTopicWhileTheViewKeepsAnsweringAndMovesTheAlias() throws InterruptedException {
        String word = "rebuildword" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        UUID updated = UUID.randomUUID();
        catalog.send(updated, CatalogEvents.example("created", updated));
        catalog.send(updated, CatalogEvents.example("updated", updated).replace("Record of a Meeting", "Record of a " + word + " Meeting"));
        UUID deleted = UUID.randomUUID();
        catalog.send(deleted, CatalogEvents.example("created", deleted));
        catalog.send(deleted, CatalogEvents.example("deleted", deleted));
        catalog.send(deleted, null);
        catalog.send(deleted, CatalogEvents.example("updated", deleted)); // late and older than the deletion
        UUID changedDuringRebuild = UUID.randomUUID();
        catalog.send(changedDuringRebuild, CatalogEvents.example("created", changedDuringRebuild));
        UUID poison = UUID.randomUUID();
        catalog.send(poison, "not an event"); // skipped by the rebuild (the consumer dead-letters it)
        awaitVersion(updated, 2);
        awaitVersion(changedDuringRebuild, 1);
        given().get("/api/v1/documents/" + deleted).then().statusCode(404);
        // A document that no event ever described: only a real rebuild from the topic makes it vanish.
        UUID planted = plantDocumentNotInTheTopic();
        String before = Engine.liveIndex();

        gate.arm(RebuildStatus.Phase.CATCHING_UP); // loaded, not switched yet
        given().header("Authorization", AdminTokens.admin()).post(REBUILD).then()
                .statusCode(202).header("Location", org.hamcrest.Matchers.endsWith(REBUILD))
                .body("state", equalTo("RUNNING")).body("startedAt", notNullValue()).body("runningOn", notNullValue());
        assertThat(gate.awaitReached(Duration.ofSeconds(60))).as("rebuild reached CATCHING_UP").isTrue();

        given().header("Authorization", AdminTokens.admin()).get(REBUILD).then().statusCode(200)
                .body("state", equalTo("RUNNING")).body("phase", equalTo("CATCHING_UP"))
                .body("documentsApplied", greaterThan(0)).body("eventsRead", greaterThan(0));
        assertThat(Engine.get("/archive-documents-admin/_doc/rebuild").at("/_source/state").asText())
                .as("the status lives in OpenSearch, where every replica reads it").isEqualTo("RUNNING");
        // One rebuild at a time.
        given().header("Authorization", AdminTokens.admin()).post(REBUILD).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:historyarchive:problem:conflict"))
                .body("status", equalTo(409));
        // Meanwhile the live view answers from the old generation, and keeps consuming.
        assertThat(Engine.liveIndex()).isEqualTo(before);
        given().get("/api/v1/documents/" + updated).then().statusCode(200).body("version", equalTo(2));
        given().get("/api/v1/documents/" + planted).then().statusCode(200);
        catalog.send(changedDuringRebuild, CatalogEvents.example("updated", changedDuringRebuild));
        awaitVersion(changedDuringRebuild, 2);

        gate.release();
        Response finished = awaitFinished();
        assertThat(finished.jsonPath().getString("state")).as(finished.asString()).isEqualTo("SUCCEEDED");
        assertThat(finished.jsonPath().getString("finishedAt")).isNotNull();
        assertThat(finished.jsonPath().getLong("poisonEventsSkipped")).isPositive();

        String after = Engine.liveIndex();
        assertThat(after).isNotEqualTo(before).isEqualTo(finished.jsonPath().getString("generation"));
        assertThat(Engine.get("/" + before).path("error").path("type").asText()).as("the old generation is removed")
                .isEqualTo("index_not_found_exception");
        given().get("/api/v1/documents/" + updated).then().statusCode(200).body("version", equalTo(2));
        given().get("/api/v1/documents/" + changedDuringRebuild).then().statusCode(200).body("version", equalTo(2))
                .body("summary", equalTo("Corrected summary."));
        given().get("/api/v1/documents/" + deleted).then().statusCode(404);
        assertThat(Engine.get("/" + after + "/_doc/" + deleted).path("_version").asLong()).as("the tombstone came along").isEqualTo(3);
        given().get("/api/v1/documents/" + planted).then().statusCode(404);
        given().queryParam("q", word).get("/api/v1/search").then().statusCode(200).body("hits[0].id", equalTo(updated.toString()));
        given().queryParam("q", word.substring(0, 8)).queryParam("kind", "title").get("/api/v1/suggestions").then().statusCode(200)
                .body("suggestions.documentId", org.hamcrest.Matchers.hasItem(updated.toString()));

        // And the view goes on consuming into the new generation.
        UUID later = UUID.randomUUID();
        catalog.send(later, CatalogEvents.example("created", later));
        awaitVersion(later, 1);
    }

    @Test
    void aRebuildThatFailsLeavesTheLiveViewAsItWas() throws InterruptedException {
        UUID id = UUID.randomUUID();
        catalog.send(id, CatalogEvents.example("created", id));
        awaitVersion(id, 1);
        UUID planted = plantDocumentNotInTheTopic();
        String live = Engine.liveIndex();

        gate.arm(RebuildStatus.Phase.CATCHING_UP);
        String generation = given().header("Authorization", AdminTokens.admin()).post(REBUILD).then().statusCode(202)
                .extract().jsonPath().getString("generation");
        assertThat(gate.awaitReached(Duration.ofSeconds(60))).isTrue();
        Engine.delete("/" + generation); // the new generation vanishes under the rebuild (an operator's mistake, a disk lost)
        gate.release();

        Response finished = awaitFinished();
        assertThat(finished.jsonPath().getString("state")).as(finished.asString()).isEqualTo("FAILED");
        assertThat(finished.jsonPath().getString("error")).contains("index_not_found");
        assertThat(finished.jsonPath().getString("phase")).isEqualTo("CATCHING_UP");
        assertThat(Engine.liveIndex()).isEqualTo(live);
        given().get("/api/v1/documents/" + id).then().statusCode(200).body("version", equalTo(1));
        given().get("/api/v1/documents/" + planted).then().statusCode(200); // still the old generation
        catalog.send(id, CatalogEvents.example("updated", id));
        awaitVersion(id, 2);
        Engine.delete("/" + Engine.ALIAS + "/_doc/" + planted + "?refresh=true");
    }

    @Test
    void aRebuildWhoseReplicaDiedShowsAsAbandonedAndAnotherMayStart() {
        awaitNoRebuildRunning();
        // What a replica killed halfway leaves behind: RUNNING, with a heartbeat long past.
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(10));
        Engine.put("/archive-documents-admin/_doc/rebuild?refresh=true", """
                {"state": "RUNNING", "phase": "LOADING", "startedAt": "%s", "eventsRead": 10, "documentsApplied": 10,
                 "poisonEventsSkipped": 0, "runningOn": "1@dead-pod", "generation": "archive-documents-g1", "heartbeatAt": "%s"}"""
                .formatted(longAgo, longAgo));
        given().header("Authorization", AdminTokens.admin()).get(REBUILD).then().statusCode(200)
                .body("state", equalTo("FAILED")).body("error", org.hamcrest.Matchers.containsString("1@dead-pod"));
        given().header("Authorization", AdminTokens.admin()).post(REBUILD).then().statusCode(202).body("state", equalTo("RUNNING"));
        assertThat(awaitFinished().jsonPath().getString("state")).isEqualTo("SUCCEEDED");
    }

    @Test
    void theAdminEndpointsNeedTheArchiveAdminRole() {
        given().post(REBUILD).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("type", equalTo("urn:historyarchive:problem:unauthorized"));
        given().get(REBUILD).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", AdminTokens.expiredAdmin()).post(REBUILD).then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer not.a.token").get(REBUILD).then().statusCode(401);
        given().header("Authorization", AdminTokens.archivist()).post(REBUILD).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:historyarchive:problem:forbidden"));
        given().header("Authorization", AdminTokens.archivist()).get(REBUILD).then().statusCode(403);
        given().header("Authorization", AdminTokens.admin()).get(REBUILD).then().statusCode(200)
                .body("state", notNullValue());
        // Reading stays public, and a stray bad token does not get in its way.
        given().header("Authorization", "Bearer not.a.token").get("/api/v1/documents/" + UUID.randomUUID()).then().statusCode(404);
    }

    private Response awaitFinished() {
        awaitNoRebuildRunning();
        return given().header("Authorization", AdminTokens.admin()).get(REBUILD);
    }

    private static void awaitNoRebuildRunning() {
        await().atMost(Duration.ofSeconds(120)).until(() -> !"RUNNING".equals(
                given().header("Authorization", AdminTokens.admin()).get(REBUILD).jsonPath().getString("state")));
    }

    private static UUID plantDocumentNotInTheTopic() {
        UUID id = UUID.randomUUID();
        Engine.put("/" + Engine.ALIAS + "/_doc/" + id + "?refresh=true&version=1&version_type=external", """
                {"id": "%s", "version": 1, "deleted": false, "title": "planted", "snapshot": {"id": "%s", "title": "planted", "version": 1}}"""
                .formatted(id, id));
        given().get("/api/v1/documents/" + id).then().statusCode(200);
        return id;
    }

    private static void awaitVersion(UUID id, int version) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/documents/" + id).then().statusCode(200).body("version", equalTo(version)));
    }

}
