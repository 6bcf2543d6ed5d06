package net.historyarchive.catalog.common;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.historyarchive.catalog.support.Api;
import net.historyarchive.catalog.support.CatalogDb;
import net.historyarchive.catalog.support.RejectedWrites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static net.historyarchive.catalog.support.Api.COLLECTIONS;
import static net.historyarchive.catalog.support.Api.DOCUMENTS;
import static net.historyarchive.catalog.support.Api.asArchivist;
import static net.historyarchive.catalog.support.Api.jsonBody;
import static net.historyarchive.catalog.support.Problems.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Bodies that are not a JSON object, and requests the API has no endpoint for: all problem+json. */
@QuarkusTest
class MalformedRequestTest {

    @Inject
    AgroalDataSource dataSource;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"title\": \"Unclosed\"",
            "{\"title\": 'single quotes'}",
            "{title: \"unquoted name\"}",
            "{\"title\": \"Trailing comma\",}",
            "{\"title\": \"One\"} {\"title\": \"Two\"}",
            "not json at all",
            "[{\"title\": \"An array\"}]",
            "\"just a string\""})
    void aBodyThatIsNotOneJsonObjectIs400(String body) {
        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> jsonBody(body).post(DOCUMENTS).then())
                .spec(problem(400, "malformed-request", DOCUMENTS))
                .body("detail", not(containsString("java")))
                .body("detail", not(containsString("historyarchive")));
    }

    @Test
    void theSyntaxErrorIsLocated() {
        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> jsonBody("{\n  \"title\": \"x\",\n  oops\n}").post(DOCUMENTS).then())
                .spec(problem(400, "malformed-request", DOCUMENTS))
                .body("detail", containsString("line 3"));
    }

    @Test
    void anEmptyBodyIs400() {
        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> asArchivist().contentType(Api.JSON).body(new byte[0]).post(DOCUMENTS).then())
                .statusCode(400)
                .header("Content-Type", containsString("application/problem+json"))
                .body("status", equalTo(400))
                .body("instance", equalTo(DOCUMENTS));
    }

    @Test
    void aJsonNullBodyIs400() {
        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> jsonBody("null").post(DOCUMENTS).then())
                .statusCode(400)
                .header("Content-Type", containsString("application/problem+json"))
                .body("status", equalTo(400));
    }

    @Test
    void malformedJsonInACollectionOrPatchIs400() {
        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> jsonBody("{\"name\": ").post(COLLECTIONS).then())
                .spec(problem(400, "malformed-request", COLLECTIONS));
        String id = Api.createDocumentTitled("Patched badly");
        String path = DOCUMENTS + "/" + id;
        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> Api.patchDocument(id, "\"1\"", "{\"title\": ").then())
                .spec(problem(400, "malformed-request", path));
        given().get(path).then().header("ETag", "\"1\"");
    }

    @Test
    void aWrongContentTypeIs415() {
        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> asArchivist().contentType("text/plain").body("{\"title\": \"Plain\"}").post(DOCUMENTS).then())
                .spec(problem(415, "unsupported-media-type", DOCUMENTS));
        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> asArchivist().contentType("application/xml").body("<title>x</title>").post(COLLECTIONS).then())
                .spec(problem(415, "unsupported-media-type", COLLECTIONS));
    }

    @Test
    void aMergePatchBodyIsNotAcceptedForCreate() {
        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> Api.mergePatchBody("{\"title\": \"x\"}").post(DOCUMENTS).then())
                .spec(problem(415, "unsupported-media-type", DOCUMENTS));
    }

    @Test
    void aPatchAsNdjsonIs415() {
        String id = Api.createDocumentTitled("Not NDJSON");
        String path = DOCUMENTS + "/" + id;
        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> asArchivist().header("If-Match", "\"1\"").contentType(Api.NDJSON)
                        .body("{\"title\": \"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).patch(path).then())
                .spec(problem(415, "unsupported-media-type", path));
        given().get(path).then().header("ETag", "\"1\"");
    }

    @Test
    void anUnknownPathIs404Problem() {
        given().get("/api/v1/nothing-here").then().spec(problem(404, "not-found", "/api/v1/nothing-here"));
        given().get("/api/v2/documents").then().spec(problem(404, "not-found", "/api/v2/documents"));
        String below = DOCUMENTS + "/" + java.util.UUID.randomUUID() + "/texts";
        given().get(below).then().spec(problem(404, "not-found", below));
    }

    @Test
    void anUnsupportedMethodIs405Problem() {
        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> asArchivist().delete(DOCUMENTS).then())
                .spec(problem(405, "method-not-allowed", DOCUMENTS));
    }

    /** Bytes Jackson would read anyway: overlong '/' decoded as "/", a UTF-8-encoded surrogate, UTF-16 guessed from NULs. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "7b227469746c65223a222e2ec0af227d",
            "7b227469746c65223a22e080af227d",
            "7b227469746c65223a22eda080227d",
            "007b0022007400690074006c00650022003a002200780022007d"})
    void aBodyThatIsNotUtf8JsonTextIs400(String hex) {
        byte[] body = java.util.HexFormat.of().parseHex(hex);
        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> asArchivist().contentType(Api.JSON).body(body).post(DOCUMENTS).then())
                .spec(problem(400, "malformed-request", DOCUMENTS));
    }

    @Test
    void aPropertyWrittenTwiceIs400() {
        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> jsonBody("{\"name\": \"Twice\", \"name\": 1}").post(COLLECTIONS).then())
                .spec(problem(400, "malformed-request", COLLECTIONS))
                .body("detail", containsString("Duplicate field 'name'"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[]", "[1956, 9, 19]", "19560919", "\"1956-09-19T10:00:00\""})
    void aDateThatIsNotAStringIs400(String start) {
        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> jsonBody("{\"title\": \"Dated\", \"date\": {\"start\": " + start + ", \"precision\": \"DAY\"}}").post(DOCUMENTS).then())
                .spec(problem(400, "validation-failed", DOCUMENTS));
    }

    @ParameterizedTest(name = "Content-Type \"{0}\"")
    @ValueSource(strings = {"", "garbage", ";;;", "/"})
    void aContentTypeThatIsNoMediaTypeIs415(String contentType) {
        byte[] body = "{\"title\": \"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> asArchivist().header("Content-Type", contentType).body(body).post(DOCUMENTS).then())
                .spec(problem(415, "unsupported-media-type", DOCUMENTS));
    }
}
