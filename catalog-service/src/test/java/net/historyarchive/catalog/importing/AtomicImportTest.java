package net.historyarchive.catalog.importing;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import net.historyarchive.catalog.support.Api;
import net.historyarchive.catalog.support.CatalogDb;
import net.historyarchive.catalog.support.RejectedWrites;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static net.historyarchive.catalog.support.Api.DOCUMENTS;
import static net.historyarchive.catalog.support.Api.IMPORT;
import static net.historyarchive.catalog.support.Ndjson.document;
import static net.historyarchive.catalog.support.Ndjson.importLines;
import static net.historyarchive.catalog.support.Problems.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The default mode: every line valid, or nothing written. */
@QuarkusTest
class AtomicImportTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void importsEveryValidLineAndReportsTheIdsInLineOrder() {
        String collection = Api.createCollection(Api.unique("Imported"));
        String body = """
                {"title": "Telegram from Ponomarev", "date": {"start": "1956-09-26", "precision": "DAY"}, "documentType": "TELEGRAM", "collections": ["%1$s"]}
                {"title": "Journal of Puzanov", "date": {"start": "1960-09-01", "precision": "MONTH"}, "collections": ["%1$s"]}
                {"title": "Undated note", "collections": ["%1$s"], "languages": ["ko"]}
                """.formatted(collection);
        JsonPath report = importLines(body, null).then().statusCode(200)
                .header("Content-Type", startsWith("application/json"))
                .body("mode", equalTo("ATOMIC"))
                .body("lines", equalTo(3))
                .body("created", equalTo(3))
                .body("failed", equalTo(0))
                .body("ids.size()", equalTo(3))
                .body("errors.size()", equalTo(0))
                .body("errorsTruncated", equalTo(false))
                .extract().jsonPath();
        List<String> ids = report.getList("ids");

        given().get(DOCUMENTS + "/" + ids.get(0)).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("title", equalTo("Telegram from Ponomarev"))
                .body("date.display", equalTo("September 26, 1956"))
                .body("collections[0].id", equalTo(collection));
        given().get(DOCUMENTS + "/" + ids.get(1)).then().body("date.end", equalTo("1960-09-30"));
        given().get(DOCUMENTS + "/" + ids.get(2)).then().body("languages[0]", equalTo("ko"));
        given().queryParam("collection", collection).get(DOCUMENTS).then().body("items.id", equalTo(ids));
    }

    @Test
    void explicitAtomicModeIsTheSame() {
        importLines(document("Explicit", null) + "\n", "ATOMIC").then().statusCode(200)
                .body("mode", equalTo("ATOMIC")).body("created", equalTo(1));
    }

    @Test
    void anyInvalidLineRejectsTheWholeImportWith422ListingEachBadLine() {
        String collection = Api.createCollection(Api.unique("Never filled"));
        String missingCollection = UUID.randomUUID().toString();
        String body = String.join("\n",
                document("Good one", collection),
                "{\"title\": \"\"}",
                document("Good two", collection),
                "{\"title\": \"Bad date\", \"date\": {\"start\": \"1956-02-30\", \"precision\": \"DAY\"}}",
                "{\"title\": \"Unknown field\", \"colour\": \"red\"}",
                "{\"title\": \"Broken JSON\"",
                document("Missing collection", missingCollection),
                "{\"title\": \"Two errors\", \"languages\": [\"russian\"], \"media\": [{\"uri\": \"ftp://x\"}]}",
                document("Good three", collection)) + "\n";

        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> importLines(body, null).then())
                .spec(problem(422, "import-rejected", IMPORT))
                .body("lines", equalTo(9))
                .body("failed", equalTo(6))
                .body("errors.line", equalTo(List.of(2, 4, 5, 6, 7, 8)))
                .body("errors[0].errors[0].field", equalTo("title"))
                .body("errors[1].errors[0].field", equalTo("date.start"))
                .body("errors[2].errors[0].field", equalTo("colour"))
                .body("errors[3].errors[0].message", startsWith("The request body is not valid JSON"))
                .body("errors[4].errors[0].field", equalTo("collections[0]"))
                .body("errors[5].errors.field", equalTo(List.of("languages[0]", "media[0].uri")))
                .body("errors.errors.flatten().message", hasItem(startsWith("collection " + missingCollection)));
        given().queryParam("collection", collection).get(DOCUMENTS).then().body("items.size()", equalTo(0));
        given().get("/api/v1/collections/" + collection).then().body("documentCount", equalTo(0));
    }

    @Test
    void aBadLineAfterSeveralFullBatchesStillRollsEverythingBack() {
        String collection = Api.createCollection(Api.unique("Large rollback"));
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 1203; i++) {
            body.append(i == 1202 ? "{\"title\": null}" : document("Line " + i, collection)).append('\n');
        }
        CatalogDb db = new CatalogDb(dataSource);
        new RejectedWrites(db)
                .send(() -> importLines(body.toString(), null).then())
                .spec(problem(422, "import-rejected", IMPORT))
                .body("lines", equalTo(1203))
                .body("failed", equalTo(1))
                .body("errors[0].line", equalTo(1202));
        given().get("/api/v1/collections/" + collection).then().body("documentCount", equalTo(0));
    }

    @Test
    void atMostTheFirst1000BadLinesAreListed() {
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 1005; i++) {
            body.append("{\"title\": ").append(i).append("}\n");
        }
        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> importLines(body.toString(), null).then())
                .spec(problem(422, "import-rejected", IMPORT))
                .body("lines", equalTo(1005))
                .body("failed", equalTo(1005))
                .body("errors.size()", equalTo(1000))
                .body("errors[0].line", equalTo(1))
                .body("errors[999].line", equalTo(1000))
                .body("errorsTruncated", equalTo(true));
    }

    @Test
    void aLargeValidImportIsWrittenCompletelyInLineOrder() {
        String collection = Api.createCollection(Api.unique("Large import"));
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 1203; i++) {
            body.append(document("Line " + i, collection)).append('\n');
        }
        CatalogDb db = new CatalogDb(dataSource);
        CatalogDb.Counts before = db.counts();
        List<String> ids = importLines(body.toString(), null).then().statusCode(200)
                .body("created", equalTo(1203))
                .extract().jsonPath().getList("ids");
        CatalogDb.Counts after = db.counts();
        assertEquals(before.documents() + 1203, after.documents());
        assertEquals(before.outboxEvents() + 1203, after.outboxEvents());
        given().get("/api/v1/collections/" + collection).then().body("documentCount", equalTo(1203));
        List<String> listed = given().queryParam("collection", collection).queryParam("limit", 500).get(DOCUMENTS)
                .then().extract().jsonPath().getList("items.id");
        assertEquals(ids.subList(0, 500), listed, "documents list in creation (= line) order");
        given().get(DOCUMENTS + "/" + ids.get(1202)).then().body("title", equalTo("Line 1203"));
    }
}
