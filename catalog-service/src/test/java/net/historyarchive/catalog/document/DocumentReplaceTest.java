package net.historyarchive.catalog.document;

import io.quarkus.test.junit.QuarkusTest;
import net.historyarchive.catalog.support.Api;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static net.historyarchive.catalog.support.Api.DOCUMENTS;
import static net.historyarchive.catalog.support.Api.jsonBody;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class DocumentReplaceTest {

    @Test
    void putReplacesEveryFieldAndAnswersVersion2WithEtag2() {
        String collection = Api.createCollection(Api.unique("Replace"));
        String id = Api.createDocument("""
                {"title": "Draft title", "summary": "Draft summary", "documentType": "NOTE",
                 "languages": ["ru"], "places": ["Moscow"], "date": {"start": "1956-09-19", "precision": "DAY"}}""");
        String createdAt = Api.getDocument(id).getString("createdAt");

        jsonBody("{\"title\": \"Final title\", \"documentType\": \"TELEGRAM\", \"languages\": [\"ko\"], "
                + "\"collections\": [\"" + collection + "\"], \"date\": {\"start\": \"1956-09-01\", \"precision\": \"MONTH\"}}")
                .header("If-Match", "\"1\"")
                .put(DOCUMENTS + "/" + id)
                .then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("version", equalTo(2))
                .body("id", equalTo(id))
                .body("createdAt", equalTo(createdAt))
                .body("updatedAt", not(equalTo(createdAt)))
                .body("title", equalTo("Final title"))
                .body("documentType", equalTo("TELEGRAM"))
                .body("languages", equalTo(List.of("ko")))
                .body("collections[0].id", equalTo(collection))
                .body("date.display", equalTo("September 1956"))
                // Fields left out of a PUT become empty.
                .body("containsKey('summary')", equalTo(false))
                .body("places.size()", equalTo(0));

        given().get(DOCUMENTS + "/" + id).then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("title", equalTo("Final title"))
                .body("containsKey('summary')", equalTo(false));
    }

    @Test
    void eachReplaceIncrementsTheVersion() {
        String id = Api.createDocumentTitled("v1");
        for (int version = 1; version <= 3; version++) {
            jsonBody("{\"title\": \"v" + (version + 1) + "\"}").header("If-Match", "\"" + version + "\"")
                    .put(DOCUMENTS + "/" + id)
                    .then().statusCode(200).header("ETag", "\"" + (version + 1) + "\"");
        }
        given().get(DOCUMENTS + "/" + id).then().body("version", equalTo(4)).body("title", equalTo("v4"));
    }
}
