package net.historyarchive.catalog.document;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import net.historyarchive.catalog.support.Tokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class DocumentCrudTest {

    @Test
    void createsAndReadsADocument() {
        String id = given().header("Authorization", Tokens.archivist()).contentType(ContentType.JSON)
                .body("""
                        {"title": "Telegram from Ponomarev to the CPSU Central Committee",
                         "date": {"start": "1956-09-26", "precision": "DAY"},
                         "documentType": "TELEGRAM", "places": ["Pyongyang"]}""")
                .when().post("/api/v1/documents")
                .then().statusCode(201).header("ETag", "\"1\"")
                .body("version", equalTo(1))
                .body("date.display", equalTo("September 26, 1956"))
                .body("id", notNullValue())
                .extract().path("id");

        given().when().get("/api/v1/documents/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("title", equalTo("Telegram from Ponomarev to the CPSU Central Committee"))
                .body("places[0]", equalTo("Pyongyang"));
    }
}
