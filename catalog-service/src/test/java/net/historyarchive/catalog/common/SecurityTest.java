package net.historyarchive.catalog.common;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import net.historyarchive.catalog.support.Api;
import net.historyarchive.catalog.support.CatalogDb;
import net.historyarchive.catalog.support.RejectedWrites;
import net.historyarchive.catalog.support.Tokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static net.historyarchive.catalog.support.Api.COLLECTIONS;
import static net.historyarchive.catalog.support.Api.DOCUMENTS;
import static net.historyarchive.catalog.support.Api.IMPORT;
import static net.historyarchive.catalog.support.Problems.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Writes need a valid JWT with the role archivist; reads need nothing. */
@QuarkusTest
class SecurityTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyWriteWithoutATokenIs401WithBearerChallenge() {
        String document = Api.createDocumentTitled("Guarded");
        String collection = Api.createCollection(Api.unique("Guarded"));
        forEveryWrite(document, collection, request -> request, 401, "unauthorized");
    }

    @Test
    void anExpiredTokenIs401() {
        String document = Api.createDocumentTitled("Guarded");
        String collection = Api.createCollection(Api.unique("Guarded"));
        forEveryWrite(document, collection, request -> request.header("Authorization", Tokens.expiredArchivist()),
                401, "unauthorized");
    }

    @Test
    void aTokenWithABrokenSignatureIs401() {
        String document = Api.createDocumentTitled("Guarded");
        String collection = Api.createCollection(Api.unique("Guarded"));
        forEveryWrite(document, collection, request -> request.header("Authorization", Tokens.tamperedArchivist()),
                401, "unauthorized");
    }

    @Test
    void aTokenIssuedInTheFutureIs401() {
        String document = Api.createDocumentTitled("Guarded");
        String collection = Api.createCollection(Api.unique("Guarded"));
        forEveryWrite(document, collection, request -> request.header("Authorization", Tokens.issuedInTheFuture()),
                401, "unauthorized");
    }

    @Test
    void twoAuthorizationHeadersAre400EvenIfOneIsValid() {
        String document = Api.createDocumentTitled("Guarded");
        String collection = Api.createCollection(Api.unique("Guarded"));
        forEveryWrite(document, collection, request -> request.header("Authorization", Tokens.archivist())
                .header("Authorization", "Bearer not.a.jwt"), 400, "malformed-request");
    }

    @Test
    void garbageOrANonBearerAuthorizationIs401() {
        String document = Api.createDocumentTitled("Guarded");
        String collection = Api.createCollection(Api.unique("Guarded"));
        forEveryWrite(document, collection, request -> request.header("Authorization", "Bearer not.a.jwt"), 401, "unauthorized");
        forEveryWrite(document, collection, request -> request.header("Authorization", "Basic YWRtaW46YWRtaW4="), 401, "unauthorized");
    }

    @Test
    void aValidTokenWithoutTheArchivistRoleIs403() {
        String document = Api.createDocumentTitled("Guarded");
        String collection = Api.createCollection(Api.unique("Guarded"));
        forEveryWrite(document, collection, request -> request.header("Authorization", Tokens.reader()), 403, "forbidden");
    }

    @Test
    void readsNeedNoToken() {
        String collection = Api.createCollection(Api.unique("Public"));
        String document = Api.createDocumentIn(collection, "Public");
        given().get(DOCUMENTS).then().statusCode(200);
        given().get(DOCUMENTS + "/" + document).then().statusCode(200).body("id", equalTo(document));
        given().get(COLLECTIONS).then().statusCode(200);
        given().get(COLLECTIONS + "/" + collection).then().statusCode(200).body("id", equalTo(collection));
    }

    @Test
    void aReaderTokenIsFineForReads() {
        String document = Api.createDocumentTitled("Public");
        given().header("Authorization", Tokens.reader()).get(DOCUMENTS + "/" + document).then().statusCode(200);
    }

    private void forEveryWrite(String document, String collection, Function<RequestSpecification, RequestSpecification> auth,
                               int status, String type) {
        RejectedWrites rejected = new RejectedWrites(new CatalogDb(dataSource));
        String doc = DOCUMENTS + "/" + document;
        String col = COLLECTIONS + "/" + collection;
        byte[] json = "{\"title\": \"x\", \"name\": \"x\"}".getBytes(StandardCharsets.UTF_8);
        check(rejected, status, type, DOCUMENTS, () -> auth.apply(given()).contentType(Api.JSON).body(json).post(DOCUMENTS));
        check(rejected, status, type, doc, () -> auth.apply(given()).header("If-Match", "\"1\"").contentType(Api.JSON)
                .body("{\"title\": \"x\"}").put(doc));
        check(rejected, status, type, doc, () -> auth.apply(given()).header("If-Match", "\"1\"").contentType(Api.MERGE_PATCH)
                .body("{\"title\": \"x\"}").patch(doc));
        check(rejected, status, type, doc, () -> auth.apply(given()).header("If-Match", "\"1\"").delete(doc));
        check(rejected, status, type, COLLECTIONS, () -> auth.apply(given()).contentType(Api.JSON)
                .body("{\"name\": \"" + Api.unique("x") + "\"}").post(COLLECTIONS));
        check(rejected, status, type, col, () -> auth.apply(given()).header("If-Match", "\"1\"").contentType(Api.JSON)
                .body("{\"name\": \"" + Api.unique("x") + "\"}").put(col));
        check(rejected, status, type, col, () -> auth.apply(given()).header("If-Match", "\"1\"").contentType(Api.MERGE_PATCH)
                .body("{\"description\": \"x\"}").patch(col));
        check(rejected, status, type, col, () -> auth.apply(given()).header("If-Match", "\"1\"").delete(col));
        check(rejected, status, type, IMPORT, () -> auth.apply(given()).contentType(Api.NDJSON)
                .body("{\"title\": \"x\"}\n".getBytes(StandardCharsets.UTF_8)).post(IMPORT));
        given().get(doc).then().statusCode(200).header("ETag", "\"1\"");
        given().get(col).then().statusCode(200).header("ETag", "\"1\"");
    }

    private static void check(RejectedWrites rejected, int status, String type, String path,
                              java.util.function.Supplier<io.restassured.response.Response> write) {
        var response = rejected.send(() -> write.get().then()).spec(problem(status, type, path));
        if (status == 401) {
            response.header("WWW-Authenticate", startsWith("Bearer"));
        }
    }
}
