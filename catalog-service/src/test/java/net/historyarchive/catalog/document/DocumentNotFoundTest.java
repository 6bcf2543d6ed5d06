package net.historyarchive.catalog.document;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.historyarchive.catalog.support.CatalogDb;
import net.historyarchive.catalog.support.RejectedWrites;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static net.historyarchive.catalog.support.Api.DOCUMENTS;
import static net.historyarchive.catalog.support.Api.asArchivist;
import static net.historyarchive.catalog.support.Api.jsonBody;
import static net.historyarchive.catalog.support.Api.mergePatchBody;
import static net.historyarchive.catalog.support.Problems.problem;

/** An id that names no document, because it does not exist or is not an id at all, is 404 for every method. */
@QuarkusTest
class DocumentNotFoundTest {

    @Inject
    AgroalDataSource dataSource;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"unknown", "not-a-uuid", "1-1-1-1-1", "0190f5d2-8c1e-7b4a-9f3e-2a1b3c4d5e6fff"})
    void everyMethodAnswers404Problem(String kind) {
        String path = DOCUMENTS + "/" + (kind.equals("unknown") ? UUID.randomUUID().toString() : kind);
        RejectedWrites rejected = new RejectedWrites(new CatalogDb(dataSource));
        given().get(path).then().spec(problem(404, "not-found", path));
        rejected.send(() -> jsonBody("{\"title\": \"x\"}").header("If-Match", "*").put(path).then())
                .spec(problem(404, "not-found", path));
        rejected.send(() -> mergePatchBody("{\"title\": \"x\"}").header("If-Match", "\"1\"").patch(path).then())
                .spec(problem(404, "not-found", path));
        rejected.send(() -> asArchivist().header("If-Match", "*").delete(path).then())
                .spec(problem(404, "not-found", path));
    }
}
