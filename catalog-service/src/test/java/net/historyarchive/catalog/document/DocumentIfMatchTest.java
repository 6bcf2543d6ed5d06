package net.historyarchive.catalog.document;

import io.quarkus.test.junit.QuarkusTest;
import io.agroal.api.AgroalDataSource;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import net.historyarchive.catalog.support.Api;
import net.historyarchive.catalog.support.CatalogDb;
import org.junit.jupiter.api.Test;

import java.util.function.BiFunction;

import static io.restassured.RestAssured.given;
import static net.historyarchive.catalog.support.Api.DOCUMENTS;
import static net.historyarchive.catalog.support.Api.asArchivist;
import static net.historyarchive.catalog.support.Api.jsonBody;
import static net.historyarchive.catalog.support.Api.mergePatchBody;
import static net.historyarchive.catalog.support.Problems.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every write must name the version it is based on: missing If-Match is 428, a stale one 412, "*" any. */
@QuarkusTest
class DocumentIfMatchTest {

    @Inject
    AgroalDataSource dataSource;

    /** (path, If-Match or null) → the response of one kind of write. */
    private static final BiFunction<String, String, Response> PUT = (path, ifMatch) ->
            withIfMatch(jsonBody("{\"title\": \"Replaced\"}"), ifMatch).put(path);
    private static final BiFunction<String, String, Response> PATCH = (path, ifMatch) ->
            withIfMatch(mergePatchBody("{\"title\": \"Patched\"}"), ifMatch).patch(path);
    private static final BiFunction<String, String, Response> DELETE = (path, ifMatch) ->
            withIfMatch(asArchivist(), ifMatch).delete(path);

    @Test
    void putWithoutIfMatchIs428AndChangesNothing() {
        assertRejectedWithoutChange(PUT, null, 428, "precondition-required");
    }

    @Test
    void patchWithoutIfMatchIs428AndChangesNothing() {
        assertRejectedWithoutChange(PATCH, null, 428, "precondition-required");
    }

    @Test
    void deleteWithoutIfMatchIs428AndChangesNothing() {
        assertRejectedWithoutChange(DELETE, null, 428, "precondition-required");
    }

    @Test
    void putWithAStaleIfMatchIs412AndChangesNothing() {
        assertRejectedWithoutChange(PUT, "\"1\"", 412, "precondition-failed");
    }

    @Test
    void patchWithAStaleIfMatchIs412AndChangesNothing() {
        assertRejectedWithoutChange(PATCH, "\"1\"", 412, "precondition-failed");
    }

    @Test
    void deleteWithAStaleIfMatchIs412AndChangesNothing() {
        assertRejectedWithoutChange(DELETE, "\"1\"", 412, "precondition-failed");
    }

    @Test
    void aFutureVersionAWeakEtagOrAListOfVersionsIs412() {
        assertRejectedWithoutChange(PATCH, "\"3\"", 412, "precondition-failed");
        assertRejectedWithoutChange(PATCH, "W/\"2\"", 412, "precondition-failed");
        assertRejectedWithoutChange(PATCH, "\"1\", \"2\"", 412, "precondition-failed");
        assertRejectedWithoutChange(PATCH, "\"two\"", 412, "precondition-failed");
    }

    @Test
    void ifMatchStarReplacesPatchesAndDeletesWhateverTheVersion() {
        String id = versionTwoDocument();
        String path = DOCUMENTS + "/" + id;
        PUT.apply(path, "*").then().statusCode(200).header("ETag", "\"3\"").body("title", equalTo("Replaced"));
        PATCH.apply(path, "*").then().statusCode(200).header("ETag", "\"4\"").body("title", equalTo("Patched"));
        DELETE.apply(path, "*").then().statusCode(204);
        given().get(path).then().statusCode(404);
    }

    @Test
    void theCurrentVersionIsAcceptedWithOrWithoutQuotes() {
        String id = versionTwoDocument();
        String path = DOCUMENTS + "/" + id;
        PATCH.apply(path, "\"2\"").then().statusCode(200).header("ETag", "\"3\"");
        PATCH.apply(path, "3").then().statusCode(200).header("ETag", "\"4\"");
    }

    /** Makes a version-2 document, sends the write, checks the problem, and that version and outbox are unchanged. */
    private void assertRejectedWithoutChange(BiFunction<String, String, Response> write, String ifMatch, int status, String type) {
        CatalogDb db = new CatalogDb(dataSource);
        String id = versionTwoDocument();
        String path = DOCUMENTS + "/" + id;
        CatalogDb.Counts before = db.counts();

        write.apply(path, ifMatch).then().spec(problem(status, type, path));

        given().get(path).then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("title", equalTo("Second version"));
        assertEquals(before, db.counts(), "nothing was written");
    }

    private static String versionTwoDocument() {
        String id = Api.createDocumentTitled("First version");
        Api.patchDocument(id, "\"1\"", "{\"title\": \"Second version\"}").then().statusCode(200);
        return id;
    }

    private static io.restassured.specification.RequestSpecification withIfMatch(
            io.restassured.specification.RequestSpecification request, String ifMatch) {
        return ifMatch == null ? request : request.header("If-Match", ifMatch);
    }
}
