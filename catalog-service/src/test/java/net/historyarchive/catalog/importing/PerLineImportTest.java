package net.historyarchive.catalog.importing;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.historyarchive.catalog.support.Api;
import net.historyarchive.catalog.support.CatalogDb;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static net.historyarchive.catalog.support.Api.DOCUMENTS;
import static net.historyarchive.catalog.support.Ndjson.document;
import static net.historyarchive.catalog.support.Ndjson.importLines;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** mode=PER_LINE writes the valid lines and reports the invalid ones, answering 200. */
@QuarkusTest
class PerLineImportTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void writesTheValidLinesAndReportsTheBadOnes() {
        CatalogDb db = new CatalogDb(dataSource);
        String collection = Api.createCollection(Api.unique("Per line"));
        String body = String.join("\n",
                document("Kept one", collection),
                "{\"title\": \"Bad precision\", \"date\": {\"start\": \"1956-09-26\", \"precision\": \"HOUR\"}}",
                document("Kept two", collection),
                "[1, 2, 3]") + "\n";
        CatalogDb.Counts before = db.counts();

        List<String> ids = importLines(body, "PER_LINE").then().statusCode(200)
                .header("Content-Type", startsWith("application/json"))
                .body("mode", equalTo("PER_LINE"))
                .body("lines", equalTo(4))
                .body("created", equalTo(2))
                .body("failed", equalTo(2))
                .body("errors.line", equalTo(List.of(2, 4)))
                .body("errors[0].errors[0].field", equalTo("date.precision"))
                .body("errors[1].errors[0].field", equalTo(""))
                .extract().jsonPath().getList("ids");

        assertEquals(2, ids.size());
        given().queryParam("collection", collection).get(DOCUMENTS).then()
                .body("items.id", equalTo(ids))
                .body("items.title", equalTo(List.of("Kept one", "Kept two")));
        CatalogDb.Counts after = db.counts();
        assertEquals(before.documents() + 2, after.documents());
        assertEquals(before.outboxEvents() + 2, after.outboxEvents(), "one created event per written line");
    }

    @Test
    void modeIsCaseInsensitiveAndAcceptsADash() {
        importLines(document("dash", null) + "\n{}\n", "per-line").then().statusCode(200)
                .body("mode", equalTo("PER_LINE")).body("created", equalTo(1)).body("failed", equalTo(1));
        importLines(document("lower", null) + "\n", "atomic").then().statusCode(200).body("mode", equalTo("ATOMIC"));
    }

    @Test
    void allLinesInvalidWritesNothingAndStillAnswers200() {
        CatalogDb db = new CatalogDb(dataSource);
        CatalogDb.Counts before = db.counts();
        importLines("{\"title\": \" \"}\n{\"nope\": 1}\n", "PER_LINE").then().statusCode(200)
                .body("created", equalTo(0)).body("failed", equalTo(2)).body("ids.size()", equalTo(0));
        assertEquals(before, db.counts());
    }

    @Test
    void badLinesAcrossSeveralBatchesAreSkippedAndTheRestWritten() {
        String collection = Api.createCollection(Api.unique("Per line large"));
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 1100; i++) {
            body.append(i % 250 == 0 ? "{\"title\": 1}" : document("Line " + i, collection)).append('\n');
        }
        importLines(body.toString(), "PER_LINE").then().statusCode(200)
                .body("lines", equalTo(1100))
                .body("created", equalTo(1096))
                .body("failed", equalTo(4))
                .body("errors.line", equalTo(List.of(250, 500, 750, 1000)));
        given().get("/api/v1/collections/" + collection).then().body("documentCount", equalTo(1096));
    }
}
