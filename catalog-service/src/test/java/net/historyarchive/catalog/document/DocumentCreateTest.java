package net.historyarchive.catalog.document;

import io.quarkus.test.junit.QuarkusTest;
import net.historyarchive.catalog.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static net.historyarchive.catalog.support.Api.DOCUMENTS;
import static net.historyarchive.catalog.support.Api.jsonBody;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class DocumentCreateTest {

    @Test
    void answers201WithLocationEtagAndVersion1() {
        var created = jsonBody("""
                {"title": "Record of a Meeting between the Soviet and Chinese Delegations",
                 "summary": "Mao Zedong reveals that several Korean Workers' Party members have been arrested.",
                 "date": {"start": "1956-09-19", "precision": "DAY"},
                 "documentType": "RECORD_OF_CONVERSATION",
                 "languages": ["ru", "zh"],
                 "texts": [{"kind": "TRANSLATION", "language": "en", "body": "Mao Zedong: ...", "translators": ["Gary Goldberg"]}],
                 "source": {"repository": "APRF", "fond": "3", "opis": "65", "delo": "779", "folios": "1-12"},
                 "rights": {"statement": "For research.", "uri": "https://rightsstatements.org/vocab/InC-EDU/1.0/", "reuse": "EDUCATIONAL_USE"},
                 "subjects": ["August Plenum Incident"], "people": ["Mao Zedong", "Kim Il Sung"], "places": ["Beijing"],
                 "media": [{"uri": "https://media.example.org/scan.pdf", "mediaType": "application/pdf", "caption": "Scan"}]}""")
                .post(DOCUMENTS)
                .then().statusCode(201)
                .header("ETag", "\"1\"")
                .header("Content-Type", startsWith("application/json"))
                .body("version", equalTo(1))
                .body("id", matchesPattern("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"))
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue())
                .body("title", equalTo("Record of a Meeting between the Soviet and Chinese Delegations"))
                .body("documentType", equalTo("RECORD_OF_CONVERSATION"))
                .body("languages", equalTo(java.util.List.of("ru", "zh")))
                .body("texts[0].translators[0]", equalTo("Gary Goldberg"))
                .body("source.delo", equalTo("779"))
                .body("rights.reuse", equalTo("EDUCATIONAL_USE"))
                .body("people[1]", equalTo("Kim Il Sung"))
                .body("media[0].mediaType", equalTo("application/pdf"))
                .extract();
        String id = created.path("id");
        created.response().then().header("Location", endsWith(DOCUMENTS + "/" + id));

        // The Location answers with the same record.
        given().get(created.header("Location")).then().statusCode(200)
                .body("id", equalTo(id))
                .body("summary", equalTo("Mao Zedong reveals that several Korean Workers' Party members have been arrested."));
    }

    @ParameterizedTest(name = "{0} {1} from {2} is {5}")
    @CsvSource(delimiter = '|', textBlock = """
            DAY    | NONE        | 1956-09-26 |            | 1956-09-26 | September 26, 1956
            MONTH  | NONE        | 1956-09-19 |            | 1956-09-30 | September 1956
            YEAR   | NONE        | 1956-09-19 |            | 1956-12-31 | 1956
            DECADE | NONE        | 1956-09-19 |            | 1959-12-31 | 1950s
            RANGE  | NONE        | 1956-08-30 | 1956-09-26 | 1956-09-26 | August 30, 1956 – September 26, 1956
            YEAR   | APPROXIMATE | 1956-09-19 |            | 1956-12-31 | circa 1956
            DAY    | APPROXIMATE | 1956-09-26 |            | 1956-09-26 | circa September 26, 1956
            MONTH  | INFERRED    | 1960-09-01 |            | 1960-09-30 | [September 1960]
            DECADE | UNCERTAIN   | 1961-01-01 |            | 1969-12-31 | 1960s?
            """)
    void generatesTheDateDisplayAndWidensTheInterval(String precision, String qualifier, String start, String end,
                                                     String expectedEnd, String display) {
        String date = "{\"start\": \"" + start + "\"" + (end == null ? "" : ", \"end\": \"" + end + "\"")
                + ", \"precision\": \"" + precision + "\", \"qualifier\": \"" + qualifier + "\"}";
        String expectedStart = switch (precision) {
            case "MONTH" -> start.substring(0, 8) + "01";
            case "YEAR" -> start.substring(0, 4) + "-01-01";
            case "DECADE" -> start.substring(0, 3) + "0-01-01";
            default -> start;
        };
        jsonBody("{\"title\": \"Dated document\", \"date\": " + date + "}").post(DOCUMENTS)
                .then().statusCode(201)
                .body("date.display", equalTo(display))
                .body("date.start", equalTo(expectedStart))
                .body("date.end", equalTo(expectedEnd))
                .body("date.precision", equalTo(precision))
                .body("date.qualifier", equalTo(qualifier));
    }

    @Test
    void qualifierDefaultsToNoneAndAGivenDisplayIsKept() {
        jsonBody("""
                {"title": "Letter", "date": {"start": "1956-09-01", "precision": "MONTH", "display": "early September 1956"}}""")
                .post(DOCUMENTS)
                .then().statusCode(201)
                .body("date.display", equalTo("early September 1956"))
                .body("date.qualifier", equalTo("NONE"))
                .body("date.end", equalTo("1956-09-30"));
    }

    @Test
    void anUnknownDateHasOnlyItsDisplay() {
        jsonBody("""
                {"title": "Undated note", "date": {"precision": "UNKNOWN", "display": "Undated, probably 1950s"}}""")
                .post(DOCUMENTS)
                .then().statusCode(201)
                .body("date.display", equalTo("Undated, probably 1950s"))
                .body("date.precision", equalTo("UNKNOWN"))
                .body("date.start", equalTo(null))
                .body("date.end", equalTo(null));
    }

    @Test
    void aDocumentWithoutDateHasNoDateField() {
        String id = Api.createDocumentTitled("Undated");
        given().get(DOCUMENTS + "/" + id).then().statusCode(200)
                .body("containsKey('date')", equalTo(false))
                .body("languages.size()", equalTo(0))
                .body("collections.size()", equalTo(0));
    }

    @Test
    void duplicateListEntriesAreStoredOnce() {
        jsonBody("""
                {"title": "Duplicates", "languages": ["ru", "ru", "en"], "places": ["Pyongyang", "Beijing", "Pyongyang"]}""")
                .post(DOCUMENTS)
                .then().statusCode(201)
                .body("languages", equalTo(java.util.List.of("ru", "en")))
                .body("places", equalTo(java.util.List.of("Pyongyang", "Beijing")));
    }
}
