package net.historyarchive.catalog.collection;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.historyarchive.catalog.support.Api;
import net.historyarchive.catalog.support.CatalogDb;
import net.historyarchive.catalog.support.RejectedWrites;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static net.historyarchive.catalog.support.Api.COLLECTIONS;
import static net.historyarchive.catalog.support.Api.DOCUMENTS;
import static net.historyarchive.catalog.support.Api.asArchivist;
import static net.historyarchive.catalog.support.Problems.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class CollectionMembershipTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void documentCountFollowsMembership() {
        String id = Api.createCollection(Api.unique("Counted"));
        String path = COLLECTIONS + "/" + id;
        given().get(path).then().body("documentCount", equalTo(0));
        String first = Api.createDocumentIn(id, "First");
        Api.createDocumentIn(id, "Second");
        given().get(path).then().body("documentCount", equalTo(2));
        given().queryParam("limit", 500).get(COLLECTIONS).then()
                .body("items.find { it.id == '" + id + "' }.documentCount", equalTo(2));

        Api.patchDocument(first, "\"1\"", "{\"collections\": []}").then().statusCode(200).body("collections.size()", equalTo(0));
        given().get(path).then().body("documentCount", equalTo(1));
    }

    @Test
    void documentsShowTheirCollectionsByIdAndNameSortedByName() {
        String b = Api.unique("B collection");
        String a = Api.unique("A collection");
        String bId = Api.createCollection(b);
        String aId = Api.createCollection(a);
        String doc = Api.createDocument("{\"title\": \"In two\", \"collections\": [\"" + bId + "\", \"" + aId + "\", \"" + bId + "\"]}");
        given().get(DOCUMENTS + "/" + doc).then()
                .body("collections.size()", equalTo(2))
                .body("collections[0].id", equalTo(aId))
                .body("collections[0].name", equalTo(a))
                .body("collections[1].id", equalTo(bId))
                .body("collections[1].name", equalTo(b));
    }

    @Test
    void deletingANonEmptyCollectionIs409AndKeepsEverything() {
        String id = Api.createCollection(Api.unique("Occupied"));
        String path = COLLECTIONS + "/" + id;
        String doc = Api.createDocumentIn(id, "Occupant");
        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> asArchivist().header("If-Match", "\"1\"").delete(path).then())
                .spec(problem(409, "conflict", path))
                .body("detail", containsString("1 document"));
        given().get(path).then().statusCode(200).header("ETag", "\"1\"").body("documentCount", equalTo(1));
        given().get(DOCUMENTS + "/" + doc).then().header("ETag", "\"1\"").body("collections.id", hasItem(id));
    }

    @Test
    void aCollectionCanBeDeletedOnceItsDocumentsLeftIt() {
        String id = Api.createCollection(Api.unique("Emptied"));
        String doc = Api.createDocumentIn(id, "Leaver");
        Api.patchDocument(doc, "\"1\"", "{\"collections\": []}").then().statusCode(200);
        asArchivist().header("If-Match", "\"1\"").delete(COLLECTIONS + "/" + id).then().statusCode(204);
        given().get(COLLECTIONS + "/" + id).then().statusCode(404);
        given().get(DOCUMENTS + "/" + doc).then().statusCode(200).body("collections.size()", equalTo(0));
    }
}
