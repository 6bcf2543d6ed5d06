package net.historyarchive.catalog.document;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import net.historyarchive.catalog.support.Api;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.restassured.RestAssured.given;
import static net.historyarchive.catalog.support.Api.DOCUMENTS;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DocumentListFilterTest {

    @Test
    void collectionFilterListsOnlyThatCollectionsDocuments() {
        String korea = Api.createCollection(Api.unique("Korea"));
        String china = Api.createCollection(Api.unique("China"));
        String inKorea = Api.createDocumentIn(korea, "Only Korea");
        String inChina = Api.createDocumentIn(china, "Only China");
        String inBoth = Api.createDocument("{\"title\": \"Both\", \"collections\": [\"" + korea + "\", \"" + china + "\"]}");
        Api.createDocumentTitled("In no collection");

        given().queryParam("collection", korea).get(DOCUMENTS)
                .then().statusCode(200).body("items.id", equalTo(List.of(inKorea, inBoth)));
        given().queryParam("collection", china).get(DOCUMENTS)
                .then().statusCode(200).body("items.id", equalTo(List.of(inChina, inBoth)));
    }

    @Test
    void collectionFilterOnAnEmptyCollectionGivesAnEmptyPage() {
        String empty = Api.createCollection(Api.unique("Empty"));
        given().queryParam("collection", empty).get(DOCUMENTS)
                .then().statusCode(200).body("items.size()", equalTo(0)).body("containsKey('nextCursor')", equalTo(false));
    }

    @Test
    void updatedSinceListsDocumentsChangedAtOrAfterTheInstant() {
        String collection = Api.createCollection(Api.unique("Updated since"));
        String older = Api.createDocumentIn(collection, "Older");
        String newer = Api.createDocumentIn(collection, "Newer");
        Instant olderAt = Instant.parse(Api.getDocument(older).getString("updatedAt"));
        String newerAt = Api.getDocument(newer).getString("updatedAt");
        assertTrue(olderAt.isBefore(Instant.parse(newerAt)), "precondition: created one after the other");

        // Inclusive: the instant of the newer document's change lists it, not the older one.
        given().queryParam("collection", collection).queryParam("updatedSince", newerAt).get(DOCUMENTS)
                .then().statusCode(200).body("items.id", equalTo(List.of(newer)));
        given().queryParam("collection", collection).queryParam("updatedSince", olderAt.toString()).get(DOCUMENTS)
                .then().statusCode(200).body("items.id", equalTo(List.of(older, newer)));

        // Changing the older document brings it into the window.
        Api.patchDocument(older, "\"1\"", "{\"summary\": \"touched\"}").then().statusCode(200);
        given().queryParam("collection", collection).queryParam("updatedSince", newerAt).get(DOCUMENTS)
                .then().statusCode(200).body("items.id", equalTo(List.of(older, newer)));
    }

    @Test
    void updatedSinceAcceptsAnyRfc3339OffsetAndWorksWithoutACollection() {
        String id = Api.createDocumentTitled("Offset");
        Instant at = Instant.parse(Api.getDocument(id).getString("updatedAt"));
        // The same instant written with a +05:30 offset.
        String withOffset = at.atOffset(ZoneOffset.ofHoursMinutes(5, 30)).toString();
        JsonPath page = given().queryParam("updatedSince", withOffset).get(DOCUMENTS)
                .then().statusCode(200).extract().jsonPath();
        List<String> ids = page.getList("items.id");
        assertTrue(ids.contains(id), "the document changed at that instant is listed");
        for (String updatedAt : page.<String>getList("items.updatedAt")) {
            assertTrue(!Instant.parse(updatedAt).isBefore(at), "every listed document changed at or after " + at);
        }
        // A moment in the future lists nothing.
        given().queryParam("updatedSince", Instant.now().plusSeconds(3600).toString()).get(DOCUMENTS)
                .then().statusCode(200).body("items.size()", equalTo(0));
        assertEquals(1, ids.stream().filter(id::equals).count());
    }
}
