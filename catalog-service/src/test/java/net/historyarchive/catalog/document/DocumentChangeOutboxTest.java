package net.historyarchive.catalog.document;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.historyarchive.catalog.support.Api;
import net.historyarchive.catalog.support.CatalogDb;
import net.historyarchive.catalog.support.CatalogDb.OutboxRow;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static net.historyarchive.catalog.support.Api.DOCUMENTS;
import static net.historyarchive.catalog.support.Api.asArchivist;
import static net.historyarchive.catalog.support.Api.jsonBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every document change writes exactly one outbox row, in the transaction of the change. */
@QuarkusTest
class DocumentChangeOutboxTest {

    private static final String CREATED = "net.historyarchive.catalog.document.created.v1";
    private static final String UPDATED = "net.historyarchive.catalog.document.updated.v1";
    private static final String DELETED = "net.historyarchive.catalog.document.deleted.v1";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void createWritesOneCreatedRowAtVersion1InTheSameTransaction() {
        CatalogDb db = new CatalogDb(dataSource);
        long before = db.lastOutboxId();
        String id = Api.createDocumentTitled("Outbox create");

        OutboxRow row = onlyNewRow(db, before, id);
        assertEquals(CREATED, row.eventType());
        assertEquals(1, row.aggregateVersion());
        assertEquals("interactive", row.lane());
        assertTrue(row.payload().contains("\"title\": \"Outbox create\""), row.payload());
        assertTrue(db.writtenWithItsLatestEvent(id), "document row and outbox row share one transaction");
    }

    @Test
    void putPatchAndDeleteEachWriteOneRowWithTheNewVersion() {
        CatalogDb db = new CatalogDb(dataSource);
        String id = Api.createDocumentTitled("Outbox lifecycle");
        String path = DOCUMENTS + "/" + id;

        long before = db.lastOutboxId();
        jsonBody("{\"title\": \"Replaced\"}").header("If-Match", "\"1\"").put(path).then().statusCode(200);
        OutboxRow replaced = onlyNewRow(db, before, id);
        assertEquals(UPDATED, replaced.eventType());
        assertEquals(2, replaced.aggregateVersion());
        assertEquals("interactive", replaced.lane());
        assertTrue(replaced.payload().contains("Replaced"), replaced.payload());
        assertTrue(db.writtenWithItsLatestEvent(id));

        before = db.lastOutboxId();
        Api.patchDocument(id, "\"2\"", "{\"summary\": \"Patched\"}").then().statusCode(200);
        OutboxRow patched = onlyNewRow(db, before, id);
        assertEquals(UPDATED, patched.eventType());
        assertEquals(3, patched.aggregateVersion());
        assertTrue(patched.payload().contains("Patched"), patched.payload());
        assertTrue(db.writtenWithItsLatestEvent(id));

        before = db.lastOutboxId();
        asArchivist().header("If-Match", "\"3\"").delete(path).then().statusCode(204);
        // One row per lane: a deletion must reach the bulk lane's topic too, or a replay of it would resurrect the document.
        List<OutboxRow> deletions = db.outboxAfter(before);
        assertEquals(List.of("interactive", "bulk"), deletions.stream().map(OutboxRow::lane).toList(), "rows: " + deletions);
        for (OutboxRow deleted : deletions) {
            assertEquals(UUID.fromString(id), deleted.aggregateId());
            assertEquals(DELETED, deleted.eventType());
            // The deletion is a change of its own: one version after the last stored one.
            assertEquals(4, deleted.aggregateVersion());
        }

        List<Long> versions = db.outboxOf(id).stream().filter(r -> r.lane().equals("interactive")).map(OutboxRow::aggregateVersion).toList();
        assertEquals(List.of(1L, 2L, 3L, 4L), versions, "one interactive row per change, in version order");
    }

    @Test
    void rejectedWritesWriteNoRow() {
        CatalogDb db = new CatalogDb(dataSource);
        String id = Api.createDocumentTitled("Outbox rejections");
        String path = DOCUMENTS + "/" + id;
        long before = db.lastOutboxId();

        jsonBody("{\"title\": \"\"}").post(DOCUMENTS).then().statusCode(400);
        jsonBody("{\"title\": \"x\", \"collections\": [\"" + UUID.randomUUID() + "\"]}").post(DOCUMENTS).then().statusCode(400);
        jsonBody("{\"title\": \"x\"}").put(path).then().statusCode(428);
        jsonBody("{\"title\": \"x\"}").header("If-Match", "\"5\"").put(path).then().statusCode(412);
        Api.patchDocument(id, "\"1\"", "{\"title\": null}").then().statusCode(400);
        Api.patchDocument(id, "\"2\"", "{\"title\": \"stale\"}").then().statusCode(412);
        asArchivist().header("If-Match", "\"9\"").delete(path).then().statusCode(412);
        given().contentType(Api.JSON).body("{\"title\": \"no token\"}").post(DOCUMENTS).then().statusCode(401);

        assertEquals(List.of(), db.outboxAfter(before), "no outbox row for any rejected write");
        assertEquals(1, db.outboxOf(id).size());
    }

    @Test
    void aNotModifiedReadOrAListWritesNoRow() {
        CatalogDb db = new CatalogDb(dataSource);
        String id = Api.createDocumentTitled("Outbox reads");
        long before = db.lastOutboxId();
        given().get(DOCUMENTS + "/" + id).then().statusCode(200);
        given().header("If-None-Match", "\"1\"").get(DOCUMENTS + "/" + id).then().statusCode(304);
        given().get(DOCUMENTS).then().statusCode(200);
        assertEquals(List.of(), db.outboxAfter(before));
    }

    /** The single outbox row written since {@code before}, which must belong to {@code id}. */
    private static OutboxRow onlyNewRow(CatalogDb db, long before, String id) {
        List<OutboxRow> rows = db.outboxAfter(before);
        assertEquals(1, rows.size(), "exactly one outbox row: " + rows);
        assertEquals(UUID.fromString(id), rows.get(0).aggregateId());
        return rows.get(0);
    }
}
