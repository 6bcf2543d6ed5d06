package net.historyarchive.catalog.collection;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.historyarchive.catalog.support.Api;
import net.historyarchive.catalog.support.CatalogDb;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static net.historyarchive.catalog.support.Api.COLLECTIONS;
import static net.historyarchive.catalog.support.Api.DOCUMENTS;
import static net.historyarchive.catalog.support.Api.jsonBody;
import static net.historyarchive.catalog.support.Api.mergePatchBody;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A document's snapshot carries its collections' names, so renaming a collection changes its members. */
@QuarkusTest
class CollectionRenameTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void renamingBumpsTheVersionOfEveryMemberAndTheyShowTheNewName() {
        CatalogDb db = new CatalogDb(dataSource);
        String oldName = Api.unique("Sino-Soviet split");
        String newName = Api.unique("The Sino-Soviet Split");
        String collection = Api.createCollection(oldName);
        String first = Api.createDocumentIn(collection, "Member one");
        String second = Api.createDocumentIn(collection, "Member two");
        Api.patchDocument(second, "\"1\"", "{\"summary\": \"second is at version 2\"}").then().statusCode(200);
        String outsider = Api.createDocumentTitled("Not a member");

        mergePatchBody("{\"name\": " + Api.quote(newName) + "}").header("If-Match", "\"1\"")
                .patch(COLLECTIONS + "/" + collection)
                .then().statusCode(200).header("ETag", "\"2\"").body("name", equalTo(newName));

        given().get(DOCUMENTS + "/" + first).then()
                .header("ETag", "\"2\"")
                .body("version", equalTo(2))
                .body("collections[0].name", equalTo(newName));
        given().get(DOCUMENTS + "/" + second).then()
                .header("ETag", "\"3\"")
                .body("collections[0].name", equalTo(newName))
                .body("summary", equalTo("second is at version 2"));
        given().get(DOCUMENTS + "/" + outsider).then().header("ETag", "\"1\"");

        // Each member has a change event at its new version, whose snapshot carries the new name.
        List<CatalogDb.OutboxRow> firstEvents = db.outboxOf(first);
        CatalogDb.OutboxRow renamed = firstEvents.get(firstEvents.size() - 1);
        assertEquals(2, firstEvents.size());
        assertEquals(2, renamed.aggregateVersion());
        assertTrue(renamed.eventType().contains("updated"), renamed.eventType());
        assertTrue(renamed.payload().contains(newName), renamed.payload());
        assertEquals("bulk", renamed.lane(), "a rename's fan-out is bulk work");
        List<CatalogDb.OutboxRow> secondEvents = db.outboxOf(second);
        assertEquals(3, secondEvents.get(secondEvents.size() - 1).aggregateVersion());
        assertEquals(1, db.outboxOf(outsider).size());
    }

    @Test
    void membersFollowTheNewNameInTheirUpdatedSinceWindow() {
        String collection = Api.createCollection(Api.unique("Window"));
        String member = Api.createDocumentIn(collection, "Member");
        String before = Api.getDocument(member).getString("updatedAt");
        jsonBody("{\"name\": " + Api.quote(Api.unique("Window renamed")) + "}").header("If-Match", "\"1\"")
                .put(COLLECTIONS + "/" + collection).then().statusCode(200);
        String after = Api.getDocument(member).getString("updatedAt");
        assertTrue(java.time.Instant.parse(after).isAfter(java.time.Instant.parse(before)), "updatedAt moves on rename");
        given().queryParam("collection", collection).queryParam("updatedSince", after).get(DOCUMENTS)
                .then().body("items.id", equalTo(List.of(member)));
    }

    @Test
    void changingOnlyTheDescriptionLeavesMembersAlone() {
        CatalogDb db = new CatalogDb(dataSource);
        String collection = Api.createCollection(Api.unique("Described"));
        String member = Api.createDocumentIn(collection, "Member");
        mergePatchBody("{\"description\": \"Only the description\"}").header("If-Match", "\"1\"")
                .patch(COLLECTIONS + "/" + collection).then().statusCode(200);
        given().get(DOCUMENTS + "/" + member).then().header("ETag", "\"1\"");
        assertEquals(1, db.outboxOf(member).size());
    }
}
