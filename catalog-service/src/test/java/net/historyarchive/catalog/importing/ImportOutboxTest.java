package net.historyarchive.catalog.importing;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.historyarchive.catalog.support.CatalogDb;
import net.historyarchive.catalog.support.CatalogDb.OutboxRow;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static net.historyarchive.catalog.support.Ndjson.document;
import static net.historyarchive.catalog.support.Ndjson.importLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An import writes one created row per written document, and none for what it does not write. */
@QuarkusTest
class ImportOutboxTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anAtomicImportWritesOneCreatedRowPerDocumentAtVersion1InLineOrder() {
        CatalogDb db = new CatalogDb(dataSource);
        long before = db.lastOutboxId();
        List<String> ids = importLines(document("One", null) + "\n" + document("Two", null) + "\n" + document("Three", null) + "\n", null)
                .then().statusCode(200).extract().jsonPath().getList("ids");

        List<OutboxRow> rows = db.outboxAfter(before);
        assertEquals(ids.stream().map(UUID::fromString).toList(), rows.stream().map(OutboxRow::aggregateId).toList());
        for (OutboxRow row : rows) {
            assertEquals("net.historyarchive.catalog.document.created.v1", row.eventType());
            assertEquals(1, row.aggregateVersion());
            assertEquals("bulk", row.lane(), "an import is bulk work");
        }
        ids.forEach(id -> assertTrue(db.writtenWithItsLatestEvent(id)));
    }

    @Test
    void anAtomicImportWithABadLineWritesNoRow() {
        CatalogDb db = new CatalogDb(dataSource);
        long before = db.lastOutboxId();
        importLines(document("Good", null) + "\n{\"title\": 3}\n" + document("Also good", null) + "\n", null)
                .then().statusCode(422);
        assertEquals(List.of(), db.outboxAfter(before));
    }

    @Test
    void aPerLineImportWritesRowsOnlyForTheWrittenLines() {
        CatalogDb db = new CatalogDb(dataSource);
        long before = db.lastOutboxId();
        List<String> ids = importLines(document("Good", null) + "\n{\"title\": 3}\n" + document("Also good", null) + "\n", "PER_LINE")
                .then().statusCode(200).extract().jsonPath().getList("ids");
        assertEquals(ids.stream().map(UUID::fromString).toList(),
                db.outboxAfter(before).stream().map(OutboxRow::aggregateId).toList());
    }
}
