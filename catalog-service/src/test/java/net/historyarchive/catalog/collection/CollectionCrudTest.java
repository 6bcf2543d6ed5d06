package net.historyarchive.catalog.collection;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import net.historyarchive.catalog.support.Api;
import net.historyarchive.catalog.support.CatalogDb;
import net.historyarchive.catalog.support.RejectedWrites;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static net.historyarchive.catalog.support.Api.COLLECTIONS;
import static net.historyarchive.catalog.support.Api.asArchivist;
import static net.historyarchive.catalog.support.Api.jsonBody;
import static net.historyarchive.catalog.support.Api.mergePatchBody;
import static net.historyarchive.catalog.support.Problems.problem;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CollectionCrudTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void createAnswers201WithLocationEtagVersion1AndNoDocuments() {
        String name = Api.unique("North Korea in the Cold War");
        ExtractableResponse<Response> created = jsonBody("{\"name\": " + Api.quote(name)
                + ", \"description\": \"Soviet, Chinese and East European records on the DPRK.\"}")
                .post(COLLECTIONS)
                .then().statusCode(201)
                .header("ETag", "\"1\"")
                .body("version", equalTo(1))
                .body("name", equalTo(name))
                .body("description", equalTo("Soviet, Chinese and East European records on the DPRK."))
                .body("documentCount", equalTo(0))
                .body("createdAt", notNullValue())
                .extract();
        String id = created.path("id");
        created.response().then().header("Location", endsWith(COLLECTIONS + "/" + id));

        given().get(created.header("Location")).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("id", equalTo(id))
                .body("name", equalTo(name));
    }

    @Test
    void putReplacesAndAnswersVersion2() {
        String id = Api.createCollection(Api.unique("Before"));
        String renamed = Api.unique("After");
        jsonBody("{\"name\": " + Api.quote(renamed) + ", \"description\": \"new\"}").header("If-Match", "\"1\"")
                .put(COLLECTIONS + "/" + id)
                .then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("version", equalTo(2))
                .body("name", equalTo(renamed))
                .body("description", equalTo("new"));
        given().get(COLLECTIONS + "/" + id).then().header("ETag", "\"2\"").body("name", equalTo(renamed));
    }

    @Test
    void patchChangesTheGivenFieldsAndNullRemovesTheDescription() {
        String name = Api.unique("Patched");
        String id = Api.createCollection(name);
        mergePatchBody("{\"description\": \"Described\"}").header("If-Match", "\"1\"").patch(COLLECTIONS + "/" + id)
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("name", equalTo(name))
                .body("description", equalTo("Described"));
        mergePatchBody("{\"description\": null}").header("If-Match", "\"2\"").patch(COLLECTIONS + "/" + id)
                .then().statusCode(200).header("ETag", "\"3\"")
                .body("name", equalTo(name))
                .body("containsKey('description')", equalTo(false));
    }

    @Test
    void deleteAnswers204ThenTheCollectionIs404() {
        String id = Api.createCollection(Api.unique("Short-lived"));
        String path = COLLECTIONS + "/" + id;
        asArchivist().header("If-Match", "\"1\"").delete(path).then().statusCode(204);
        given().get(path).then().spec(problem(404, "not-found", path));
    }

    @Test
    void writesNeedIfMatch() {
        String id = Api.createCollection(Api.unique("Guarded"));
        String path = COLLECTIONS + "/" + id;
        RejectedWrites rejected = new RejectedWrites(new CatalogDb(dataSource));
        rejected.send(() -> jsonBody("{\"name\": \"x\"}").put(path).then()).spec(problem(428, "precondition-required", path));
        rejected.send(() -> mergePatchBody("{\"name\": \"x\"}").patch(path).then()).spec(problem(428, "precondition-required", path));
        rejected.send(() -> asArchivist().delete(path).then()).spec(problem(428, "precondition-required", path));
        rejected.send(() -> jsonBody("{\"name\": \"x\"}").header("If-Match", "\"2\"").put(path).then())
                .spec(problem(412, "precondition-failed", path));
        rejected.send(() -> mergePatchBody("{\"name\": \"x\"}").header("If-Match", "\"0\"").patch(path).then())
                .spec(problem(412, "precondition-failed", path));
        rejected.send(() -> asArchivist().header("If-Match", "\"7\"").delete(path).then())
                .spec(problem(412, "precondition-failed", path));
        given().get(path).then().header("ETag", "\"1\"");
        mergePatchBody("{\"description\": \"any version\"}").header("If-Match", "*").patch(path)
                .then().statusCode(200).header("ETag", "\"2\"");
    }

    @Test
    void unknownAndMalformedIdsAre404() {
        for (String id : new String[]{UUID.randomUUID().toString(), "not-a-uuid"}) {
            String path = COLLECTIONS + "/" + id;
            given().get(path).then().spec(problem(404, "not-found", path));
            jsonBody("{\"name\": \"x\"}").header("If-Match", "*").put(path).then().spec(problem(404, "not-found", path));
            mergePatchBody("{\"name\": \"x\"}").header("If-Match", "*").patch(path).then().spec(problem(404, "not-found", path));
            asArchivist().header("If-Match", "*").delete(path).then().spec(problem(404, "not-found", path));
        }
    }

    @Test
    void invalidCollectionsAre400AndNotStored() {
        RejectedWrites rejected = new RejectedWrites(new CatalogDb(dataSource));
        rejected.send(() -> jsonBody("{\"name\": \" \"}").post(COLLECTIONS).then())
                .spec(net.historyarchive.catalog.support.Problems.invalidField(COLLECTIONS, "name"));
        rejected.send(() -> jsonBody("{}").post(COLLECTIONS).then())
                .spec(net.historyarchive.catalog.support.Problems.invalidField(COLLECTIONS, "name"));
        rejected.send(() -> jsonBody("{\"name\": \"" + "n".repeat(301) + "\"}").post(COLLECTIONS).then())
                .spec(net.historyarchive.catalog.support.Problems.invalidField(COLLECTIONS, "name"));
        rejected.send(() -> jsonBody("{\"name\": \"x\", \"description\": \"" + "d".repeat(10001) + "\"}").post(COLLECTIONS).then())
                .spec(net.historyarchive.catalog.support.Problems.invalidField(COLLECTIONS, "description"));
        rejected.send(() -> jsonBody("{\"name\": 5}").post(COLLECTIONS).then())
                .spec(net.historyarchive.catalog.support.Problems.invalidField(COLLECTIONS, "name"));
        rejected.send(() -> jsonBody("{\"name\": \"x\", \"owner\": \"me\"}").post(COLLECTIONS).then())
                .spec(net.historyarchive.catalog.support.Problems.invalidField(COLLECTIONS, "owner"));
        rejected.send(() -> jsonBody("{\"name\": \"x\\u0000\"}").post(COLLECTIONS).then())
                .spec(net.historyarchive.catalog.support.Problems.invalidField(COLLECTIONS, "name"));
    }

    @Test
    void listPagesThroughEveryCollectionOnce() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(Api.createCollection(Api.unique("Listed")));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get(COLLECTIONS).then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("items.id");
            assertTrue(ids.size() <= 2);
            seen.addAll(ids);
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no duplicates");
        assertTrue(seen.containsAll(created));
        assertEquals(created, seen.subList(seen.size() - 3, seen.size()), "creation order, newest last");
    }
}
