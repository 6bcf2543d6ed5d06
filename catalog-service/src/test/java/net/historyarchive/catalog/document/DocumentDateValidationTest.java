package net.historyarchive.catalog.document;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import net.historyarchive.catalog.support.Api;
import net.historyarchive.catalog.support.CatalogDb;
import net.historyarchive.catalog.support.RejectedWrites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static net.historyarchive.catalog.support.Api.DOCUMENTS;
import static net.historyarchive.catalog.support.Api.jsonBody;
import static net.historyarchive.catalog.support.Problems.invalidField;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class DocumentDateValidationTest {

    @Inject
    AgroalDataSource dataSource;

    @ParameterizedTest(name = "{0} is not a date")
    @ValueSource(strings = {"1956-02-30", "1957-02-29", "1956-13-01", "1956-00-10", "1956-9-26", "26.09.1956", "1956-09-26T10:00:00", ""})
    void anImpossibleOrMisformattedDateIsRejected(String start) {
        create("{\"title\": \"T\", \"date\": {\"start\": \"" + start + "\", \"precision\": \"DAY\"}}", "date.start");
    }

    @Test
    void aLeapDayIsAccepted() {
        jsonBody("{\"title\": \"Leap\", \"date\": {\"start\": \"1956-02-29\", \"precision\": \"DAY\"}}")
                .post(DOCUMENTS).then().statusCode(201).body("date.display", equalTo("February 29, 1956"));
    }

    @Test
    void anImpossibleEndIsRejected() {
        create("{\"title\": \"T\", \"date\": {\"start\": \"1956-02-01\", \"end\": \"1956-02-30\", \"precision\": \"RANGE\"}}",
                "date.end");
    }

    @Test
    void aRangeWhoseStartIsAfterItsEndIsRejected() {
        create("{\"title\": \"T\", \"date\": {\"start\": \"1956-09-26\", \"end\": \"1956-09-19\", \"precision\": \"RANGE\"}}",
                "date.end")
                .body("errors[0].message", equalTo("must not be before date.start"));
    }

    @Test
    void aRangeOfOneDayIsAccepted() {
        jsonBody("{\"title\": \"One-day range\", \"date\": {\"start\": \"1956-09-26\", \"end\": \"1956-09-26\", \"precision\": \"RANGE\"}}")
                .post(DOCUMENTS).then().statusCode(201).body("date.end", equalTo("1956-09-26"));
    }

    @Test
    void aRangeWithoutEndIsRejected() {
        create("{\"title\": \"T\", \"date\": {\"start\": \"1956-09-26\", \"precision\": \"RANGE\"}}", "date.end");
    }

    @Test
    void aDayDateWithADifferentEndIsRejected() {
        create("{\"title\": \"T\", \"date\": {\"start\": \"1956-09-26\", \"end\": \"1956-09-27\", \"precision\": \"DAY\"}}",
                "date.end")
                .body("errors[0].message", containsString("RANGE"));
    }

    @Test
    void aMonthDateWithAnEndOutsideTheMonthIsRejected() {
        create("{\"title\": \"T\", \"date\": {\"start\": \"1956-09-10\", \"end\": \"1956-10-31\", \"precision\": \"MONTH\"}}",
                "date.end");
    }

    @Test
    void aMonthDateMayRepeatTheEndOfTheMonth() {
        jsonBody("{\"title\": \"Month\", \"date\": {\"start\": \"1956-09-10\", \"end\": \"1956-09-30\", \"precision\": \"MONTH\"}}")
                .post(DOCUMENTS).then().statusCode(201)
                .body("date.start", equalTo("1956-09-01"))
                .body("date.end", equalTo("1956-09-30"));
    }

    @Test
    void aDateWithoutStartIsRejectedUnlessUnknown() {
        create("{\"title\": \"T\", \"date\": {\"precision\": \"YEAR\"}}", "date.start");
    }

    @Test
    void aDateWithoutPrecisionIsRejected() {
        create("{\"title\": \"T\", \"date\": {\"start\": \"1956-09-26\"}}", "date.precision");
    }

    @Test
    void anUnknownDateWithStartOrWithoutDisplayIsRejected() {
        create("{\"title\": \"T\", \"date\": {\"start\": \"1956-09-26\", \"precision\": \"UNKNOWN\", \"display\": \"x\"}}", "date.start");
        create("{\"title\": \"T\", \"date\": {\"precision\": \"UNKNOWN\"}}", "date.display");
    }

    @Test
    void aPatchThatBreaksTheDateIsRejectedAndTheDocumentKeepsItsVersion() {
        String id = Api.createDocument("{\"title\": \"Dated\", \"date\": {\"start\": \"1956-09-26\", \"precision\": \"DAY\"}}");
        String path = DOCUMENTS + "/" + id;
        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> Api.patchDocument(id, "\"1\"", "{\"date\": {\"precision\": \"RANGE\", \"end\": \"1956-01-01\"}}").then())
                .spec(invalidField(path, "date.end"));
        given().get(path).then().header("ETag", "\"1\"").body("date.precision", equalTo("DAY"));
    }

    private ValidatableResponse create(String body, String field) {
        return new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> jsonBody(body).post(DOCUMENTS).then())
                .spec(invalidField(DOCUMENTS, field));
    }
}
