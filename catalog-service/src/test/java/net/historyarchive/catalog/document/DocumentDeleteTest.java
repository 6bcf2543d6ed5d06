package net.historyarchive.catalog.document;

import io.quarkus.test.junit.QuarkusTest;
import net.historyarchive.catalog.support.Api;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static net.historyarchive.catalog.support.Api.DOCUMENTS;
import static net.historyarchive.catalog.support.Api.asArchivist;
import static net.historyarchive.catalog.support.Problems.problem;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class DocumentDeleteTest {

    @Test
    void deleteAnswers204ThenTheDocumentIs404() {
        String id = Api.createDocumentTitled("To be deleted");
        String path = DOCUMENTS + "/" + id;
        asArchivist().header("If-Match", "\"1\"").delete(path)
                .then().statusCode(204).body(emptyString());
        given().get(path).then().spec(problem(404, "not-found", path));
        // Deleting again: nothing is there any more.
        asArchivist().header("If-Match", "*").delete(path).then().spec(problem(404, "not-found", path));
    }

    @Test
    void deletingAMemberLowersTheCollectionsDocumentCount() {
        String collection = Api.createCollection(Api.unique("Delete member"));
        String id = Api.createDocumentIn(collection, "Member");
        Api.createDocumentIn(collection, "Other member");
        given().get("/api/v1/collections/" + collection).then().body("documentCount", equalTo(2));
        asArchivist().header("If-Match", "\"1\"").delete(DOCUMENTS + "/" + id).then().statusCode(204);
        given().get("/api/v1/collections/" + collection).then().body("documentCount", equalTo(1));
    }
}
