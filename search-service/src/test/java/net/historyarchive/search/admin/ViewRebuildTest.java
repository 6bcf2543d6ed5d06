package net.historyarchive.search.admin;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import net.historyarchive.search.support.CatalogEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;

/**
 * POST /api/v1/admin/rebuild rebuilds the view from the beginning of the topic into fresh tables
 * while the live view keeps answering, and swaps them in: same schema, every document at its
 * newest version, deletions still deleted, and whatever changed during the rebuild included.
 */
@QuarkusTest
class ViewRebuildTest {

    private static final String REBUILD = "/api/v1/admin/rebuild";

    @Inject
    RebuildGate gate;
    @Inject
    AgroalDataSource dataSource;

    private final CatalogEvents catalog = new CatalogEvents();

    @AfterEach
    void close() {
        gate.release();
        catalog.close();
    }

    @Test
    void rebuildsFromTheTopicWhileTheViewKeepsAnsweringAndSwapsTheFreshTablesIn() throws Exception {
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
        // A row that no event ever described: only a real rebuild from the topic makes it vanish.
        UUID planted = plantRowNotInTheTopic();
        given().get("/api/v1/documents/" + planted).then().statusCode(200);
        List<String> schemaBefore = schema();

        gate.arm(RebuildStatus.Phase.CATCHING_UP); // loaded and indexed, not swapped yet
        given().header("Authorization", AdminTokens.admin()).post(REBUILD).then()
                .statusCode(202).header("Location", org.hamcrest.Matchers.endsWith(REBUILD))
                .body("state", equalTo("RUNNING")).body("startedAt", notNullValue());
        assertThat(gate.awaitReached(Duration.ofSeconds(60))).as("rebuild reached CATCHING_UP").isTrue();

        given().header("Authorization", AdminTokens.admin()).get(REBUILD).then().statusCode(200)
                .body("state", equalTo("RUNNING")).body("phase", equalTo("CATCHING_UP"))
                .body("documentsApplied", greaterThan(0)).body("eventsRead", greaterThan(0));
        // One rebuild at a time.
        given().header("Authorization", AdminTokens.admin()).post(REBUILD).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:historyarchive:problem:conflict"))
                .body("status", equalTo(409));
        // Meanwhile the live view answers, still from the old tables, and keeps consuming.
        given().get("/api/v1/documents/" + updated).then().statusCode(200).body("version", equalTo(2));
        given().get("/api/v1/documents/" + planted).then().statusCode(200);
        catalog.send(changedDuringRebuild, CatalogEvents.example("updated", changedDuringRebuild));
        awaitVersion(changedDuringRebuild, 2);

        gate.release();
        Response finished = awaitFinished();
        assertThat(finished.jsonPath().getString("state")).as(finished.asString()).isEqualTo("SUCCEEDED");
        assertThat(finished.jsonPath().getString("finishedAt")).isNotNull();
        assertThat(finished.jsonPath().getLong("poisonEventsSkipped")).isPositive();

        given().get("/api/v1/documents/" + updated).then().statusCode(200).body("version", equalTo(2));
        given().get("/api/v1/documents/" + changedDuringRebuild).then().statusCode(200).body("version", equalTo(2))
                .body("summary", equalTo("Corrected summary."));
        given().get("/api/v1/documents/" + deleted).then().statusCode(404);
        given().get("/api/v1/documents/" + planted).then().statusCode(404);
        assertThat(query("SELECT version || ' ' || deleted FROM document_view WHERE id = '" + deleted + "'"))
                .containsExactly("3 true");
        assertThat(query("SELECT lexeme FROM search_lexeme WHERE lexeme = '" + word + "'")).containsExactly(word);
        assertThat(query("SELECT folded FROM search_suggestion WHERE kind = 'person' AND value = 'Máo Zédōng'"))
                .containsExactly("mao zedong");
        // The swapped-in tables look exactly as the migrations made the live ones: columns (with the
        // generated ones), constraints and every index (partial ones included) under its own name.
        assertThat(schema()).isEqualTo(schemaBefore);
        assertThat(query("SELECT (title_vector IS NOT NULL) || ' ' || sort_title FROM document_view WHERE id = '" + updated + "'"))
                .containsExactly("true record of a " + word + " meeting between the soviet and chinese delegations");
        assertThat(query("SELECT relname FROM pg_class WHERE relname LIKE '%rebuild%'")).isEmpty();

        // And the view goes on consuming into the new tables.
        UUID after = UUID.randomUUID();
        catalog.send(after, CatalogEvents.example("created", after));
        awaitVersion(after, 1);
    }

    @Test
    void aRebuildThatCannotSwapFailsAndLeavesTheLiveViewAsItWas() throws Exception {
        UUID id = UUID.randomUUID();
        catalog.send(id, CatalogEvents.example("created", id));
        awaitVersion(id, 1);
        UUID planted = plantRowNotInTheTopic();
        // A view on the live table: dropping the table would take it along, so the swap refuses.
        execute("CREATE VIEW swap_blocker AS SELECT id FROM document_view");
        try {
            given().header("Authorization", AdminTokens.admin()).post(REBUILD).then().statusCode(202);
            Response finished = awaitFinished();
            assertThat(finished.jsonPath().getString("state")).as(finished.asString()).isEqualTo("FAILED");
            assertThat(finished.jsonPath().getString("error")).contains("swap_blocker");
            assertThat(finished.jsonPath().getString("phase")).isEqualTo("SWAPPING");
        } finally {
            execute("DROP VIEW swap_blocker");
        }
        given().get("/api/v1/documents/" + id).then().statusCode(200).body("version", equalTo(1));
        given().get("/api/v1/documents/" + planted).then().statusCode(200); // still the old tables
        assertThat(query("SELECT relname FROM pg_class WHERE relname IN ('document_view_rebuild', 'search_lexeme_rebuild', "
                + "'search_suggestion_rebuild')")).isEmpty();
        // The consumer was resumed after the failed swap.
        catalog.send(id, CatalogEvents.example("updated", id));
        awaitVersion(id, 2);
        execute("DELETE FROM document_view WHERE id = '" + planted + "'");
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
        await().atMost(Duration.ofSeconds(120)).until(() -> !"RUNNING".equals(
                given().header("Authorization", AdminTokens.admin()).get(REBUILD).jsonPath().getString("state")));
        return given().header("Authorization", AdminTokens.admin()).get(REBUILD);
    }

    private UUID plantRowNotInTheTopic() throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO document_view (id, version, deleted, snapshot, title, applied_at)
                     VALUES (?, 1, false, '{"title": "planted"}', 'planted', now())""")) {
            insert.setObject(1, id);
            insert.executeUpdate();
        }
        return id;
    }

    /** Columns, constraints and index definitions of the three view tables, in a stable order. */
    private List<String> schema() throws SQLException {
        List<String> schema = new ArrayList<>();
        schema.addAll(query("""
                SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' notnull=' || a.attnotnull
                    || ' generated=' || a.attgenerated::text || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
                FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE c.relname IN ('document_view', 'search_lexeme', 'search_suggestion') AND a.attnum > 0 AND NOT a.attisdropped
                ORDER BY c.relname, a.attnum"""));
        schema.addAll(query("""
                SELECT c.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
                FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
                WHERE c.relname IN ('document_view', 'search_lexeme', 'search_suggestion')
                ORDER BY 1"""));
        schema.addAll(query("""
                SELECT pg_get_indexdef(x.indexrelid)
                FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid
                WHERE c.relname IN ('document_view', 'search_lexeme', 'search_suggestion')
                ORDER BY 1"""));
        assertThat(schema).anyMatch(s -> s.contains("generated=s")).anyMatch(s -> s.contains("WHERE (NOT deleted)"))
                .anyMatch(s -> s.startsWith("CREATE UNIQUE INDEX document_view_pkey"));
        return schema;
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.execute();
        }
    }

    private List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static void awaitVersion(UUID id, int version) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/documents/" + id).then().statusCode(200).body("version", equalTo(version)));
    }
}
