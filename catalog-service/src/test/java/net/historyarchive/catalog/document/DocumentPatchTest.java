package net.historyarchive.catalog.document;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.historyarchive.catalog.support.Api;
import net.historyarchive.catalog.support.CatalogDb;
import net.historyarchive.catalog.support.RejectedWrites;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static net.historyarchive.catalog.support.Api.DOCUMENTS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class DocumentPatchTest {

    @Inject
    AgroalDataSource dataSource;

    private static final String FULL = """
            {"title": "Journal of Soviet Ambassador Puzanov",
             "summary": "Conversation with Kim Il Sung.",
             "date": {"start": "1957-09-26", "precision": "DAY"},
             "documentType": "JOURNAL",
             "languages": ["ru"],
             "source": {"repository": "AVPRF", "fond": "0102", "opis": "13", "delo": "5"},
             "rights": {"statement": "Public domain.", "reuse": "PUBLIC_DOMAIN"},
             "people": ["A. M. Puzanov", "Kim Il Sung"],
             "places": ["Pyongyang"]}""";

    @Test
    void changesTheGivenFieldsAndKeepsTheOthers() {
        String id = Api.createDocument(FULL);
        Api.patchDocument(id, "\"1\"", """
                {"title": "Journal of Soviet Ambassador A. M. Puzanov", "places": ["Pyongyang", "Kaesong"]}""")
                .then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("version", equalTo(2))
                .body("title", equalTo("Journal of Soviet Ambassador A. M. Puzanov"))
                .body("places", equalTo(List.of("Pyongyang", "Kaesong")))
                .body("summary", equalTo("Conversation with Kim Il Sung."))
                .body("documentType", equalTo("JOURNAL"))
                .body("languages", equalTo(List.of("ru")))
                .body("people", equalTo(List.of("A. M. Puzanov", "Kim Il Sung")))
                .body("date.display", equalTo("September 26, 1957"))
                .body("source.fond", equalTo("0102"))
                .body("rights.reuse", equalTo("PUBLIC_DOMAIN"));
        given().get(DOCUMENTS + "/" + id).then()
                .header("ETag", "\"2\"")
                .body("places", equalTo(List.of("Pyongyang", "Kaesong")))
                .body("summary", equalTo("Conversation with Kim Il Sung."));
    }

    @Test
    void nullRemovesAFieldAndNestedObjectsMerge() {
        String id = Api.createDocument(FULL);
        Api.patchDocument(id, "\"1\"", """
                {"summary": null, "source": {"delo": "6", "opis": null}, "rights": null}""")
                .then().statusCode(200)
                .body("containsKey('summary')", equalTo(false))
                .body("containsKey('rights')", equalTo(false))
                .body("source.repository", equalTo("AVPRF"))
                .body("source.fond", equalTo("0102"))
                .body("source.containsKey('opis')", equalTo(false))
                .body("source.delo", equalTo("6"))
                .body("title", equalTo("Journal of Soviet Ambassador Puzanov"));
    }

    @Test
    void removingTheDateMakesTheDocumentUndated() {
        String id = Api.createDocument(FULL);
        Api.patchDocument(id, "\"1\"", "{\"date\": null}")
                .then().statusCode(200).body("containsKey('date')", equalTo(false));
    }

    @Test
    void patchingOnlyThePrecisionRederivesTheIntervalAndDisplay() {
        String id = Api.createDocument(FULL);
        Api.patchDocument(id, "\"1\"", "{\"date\": {\"precision\": \"MONTH\"}}")
                .then().statusCode(200)
                .body("date.precision", equalTo("MONTH"))
                .body("date.start", equalTo("1957-09-01"))
                .body("date.end", equalTo("1957-09-30"))
                .body("date.display", equalTo("September 1957"));
        Api.patchDocument(id, "\"2\"", "{\"date\": {\"precision\": \"DECADE\"}}")
                .then().statusCode(200)
                .body("date.start", equalTo("1950-01-01"))
                .body("date.end", equalTo("1959-12-31"))
                .body("date.display", equalTo("1950s"));
        Api.patchDocument(id, "\"3\"", "{\"date\": {\"qualifier\": \"APPROXIMATE\"}}")
                .then().statusCode(200)
                .body("date.display", equalTo("circa 1950s"))
                .body("date.end", equalTo("1959-12-31"));
    }

    @Test
    void patchingTheStartOfADayDateMovesItsEnd() {
        String id = Api.createDocument(FULL);
        Api.patchDocument(id, "\"1\"", "{\"date\": {\"start\": \"1957-10-02\"}}")
                .then().statusCode(200)
                .body("date.start", equalTo("1957-10-02"))
                .body("date.end", equalTo("1957-10-02"))
                .body("date.display", equalTo("October 2, 1957"));
    }

    @Test
    void anExplicitDisplaySurvivesAPatchOfOtherFields() {
        String id = Api.createDocument("""
                {"title": "Dated by hand", "date": {"start": "1956-09-01", "precision": "MONTH", "display": "autumn 1956"}}""");
        Api.patchDocument(id, "\"1\"", "{\"title\": \"Renamed\"}")
                .then().statusCode(200)
                .body("date.display", equalTo("autumn 1956"))
                .body("date.end", equalTo("1956-09-30"));
    }

    @Test
    void aPatchThatIsNotAJsonObjectIsRejectedAndChangesNothing() {
        String id = Api.createDocument(FULL);
        String path = DOCUMENTS + "/" + id;
        RejectedWrites rejected = new RejectedWrites(new CatalogDb(dataSource));
        for (String body : new String[]{"[{\"title\": \"x\"}]", "\"x\"", "42", "null"}) {
            rejected.send(() -> Api.patchDocument(id, "\"1\"", body).then())
                    .statusCode(400)
                    .header("Content-Type", startsWith("application/problem+json"))
                    .body("status", equalTo(400))
                    .body("instance", equalTo(path));
        }
        given().get(path).then().header("ETag", "\"1\"").body("title", equalTo("Journal of Soviet Ambassador Puzanov"));
    }

    @Test
    void anEmptyPatchObjectStillMakesANewVersion() {
        String id = Api.createDocument(FULL);
        Api.patchDocument(id, "\"1\"", "{}").then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("title", equalTo("Journal of Soviet Ambassador Puzanov"))
                .body("date.display", equalTo("September 26, 1957"));
    }

    @Test
    void plainJsonContentTypeIsAlsoAccepted() {
        String id = Api.createDocument(FULL);
        Api.jsonBody("{\"summary\": \"via application/json\"}").header("If-Match", "\"1\"")
                .patch(DOCUMENTS + "/" + id)
                .then().statusCode(200).body("summary", equalTo("via application/json"));
    }
}
