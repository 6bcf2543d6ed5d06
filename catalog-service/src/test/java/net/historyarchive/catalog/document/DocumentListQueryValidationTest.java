package net.historyarchive.catalog.document;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static net.historyarchive.catalog.support.Api.COLLECTIONS;
import static net.historyarchive.catalog.support.Api.DOCUMENTS;
import static net.historyarchive.catalog.support.Problems.invalidField;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class DocumentListQueryValidationTest {

    @ParameterizedTest(name = "{0}={1} is 400")
    @CsvSource({
            "limit, 0",
            "limit, -1",
            "limit, 501",
            "limit, abc",
            "limit, 2.5",
            "updatedSince, yesterday",
            "updatedSince, 2026-01-31",
            "updatedSince, 2026-01-31T12:00:00",
            "cursor, garbage",
            "cursor, aWQ6bm90LWEtdXVpZA",
            "collection, not-a-uuid"
    })
    void invalidDocumentListParametersAre400NamingTheParameter(String name, String value) {
        given().queryParam(name, value).get(DOCUMENTS)
                .then().spec(invalidField(DOCUMENTS, name))
                .body("errors.size()", equalTo(1));
    }

    @ParameterizedTest(name = "{0}={1} is 400")
    @CsvSource({"limit, 0", "limit, abc", "cursor, garbage"})
    void invalidCollectionListParametersAre400NamingTheParameter(String name, String value) {
        given().queryParam(name, value).get(COLLECTIONS)
                .then().spec(invalidField(COLLECTIONS, name))
                .body("errors.size()", equalTo(1));
    }
}
