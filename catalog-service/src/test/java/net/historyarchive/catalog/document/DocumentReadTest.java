package net.historyarchive.catalog.document;

import io.quarkus.test.junit.QuarkusTest;
import net.historyarchive.catalog.support.Api;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static net.historyarchive.catalog.support.Api.DOCUMENTS;
import static net.historyarchive.catalog.support.Problems.problem;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class DocumentReadTest {

    @Test
    void answers200WithTheVersionAsEtagWithoutAToken() {
        String id = Api.createDocumentTitled("Telegram from Ponomarev");
        given().get(DOCUMENTS + "/" + id)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("id", equalTo(id))
                .body("version", equalTo(1))
                .body("title", equalTo("Telegram from Ponomarev"));
    }

    @Test
    void ifNoneMatchWithTheCurrentVersionAnswers304WithoutBody() {
        String id = Api.createDocumentTitled("Cached");
        given().header("If-None-Match", "\"1\"").get(DOCUMENTS + "/" + id)
                .then().statusCode(304)
                .header("ETag", "\"1\"")
                .body(emptyString());
    }

    @Test
    void ifNoneMatchWithAnOlderVersionAnswers200() {
        String id = Api.createDocumentTitled("Changed since");
        Api.patchDocument(id, "\"1\"", "{\"summary\": \"now version 2\"}").then().statusCode(200);
        given().header("If-None-Match", "\"1\"").get(DOCUMENTS + "/" + id)
                .then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("summary", equalTo("now version 2"));
    }

    @Test
    void anUnknownIdIs404Problem() {
        String path = DOCUMENTS + "/" + UUID.randomUUID();
        given().get(path).then().spec(problem(404, "not-found", path));
    }

    @Test
    void aMalformedIdIs404Problem() {
        for (String bad : new String[]{"not-a-uuid", "1-1-1-1-1", "12345", UUID.randomUUID() + "0"}) {
            String path = DOCUMENTS + "/" + bad;
            given().get(path).then().spec(problem(404, "not-found", path));
        }
    }
}
