package net.historyarchive.catalog.collection;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import net.historyarchive.catalog.support.Api;
import net.historyarchive.catalog.support.CatalogDb;
import net.historyarchive.catalog.support.RejectedWrites;
import net.historyarchive.catalog.support.Tokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static net.historyarchive.catalog.support.Api.COLLECTIONS;
import static net.historyarchive.catalog.support.Api.jsonBody;
import static net.historyarchive.catalog.support.Api.mergePatchBody;
import static net.historyarchive.catalog.support.Problems.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Collection names are unique ignoring case. */
@QuarkusTest
class CollectionNameUniquenessTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void creatingASecondCollectionWithTheSameNameIs409() {
        String name = Api.unique("Korean War Origins");
        String first = Api.createCollection(name);
        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> jsonBody("{\"name\": " + Api.quote(name) + "}").post(COLLECTIONS).then())
                .spec(problem(409, "conflict", COLLECTIONS))
                .body("detail", containsString(first));
    }

    @Test
    void theNameIsUniqueIgnoringCase() {
        String name = Api.unique("Korean War Origins");
        Api.createCollection(name);
        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> jsonBody("{\"name\": " + Api.quote(name.toUpperCase(Locale.ROOT)) + "}").post(COLLECTIONS).then())
                .spec(problem(409, "conflict", COLLECTIONS));
    }

    @Test
    void renamingOntoAnotherCollectionsNameIs409AndChangesNothing() {
        String taken = Api.unique("Taken");
        Api.createCollection(taken);
        String id = Api.createCollection(Api.unique("Mine"));
        String path = COLLECTIONS + "/" + id;
        RejectedWrites rejected = new RejectedWrites(new CatalogDb(dataSource));
        rejected.send(() -> jsonBody("{\"name\": " + Api.quote(taken.toLowerCase(Locale.ROOT)) + "}").header("If-Match", "\"1\"")
                .put(path).then()).spec(problem(409, "conflict", path));
        rejected.send(() -> mergePatchBody("{\"name\": " + Api.quote(taken) + "}").header("If-Match", "\"1\"")
                .patch(path).then()).spec(problem(409, "conflict", path));
        given().get(path).then().header("ETag", "\"1\"");
    }

    @Test
    void aCollectionMayChangeTheCaseOfItsOwnName() {
        String name = Api.unique("cold war");
        String id = Api.createCollection(name);
        String upper = name.toUpperCase(Locale.ROOT);
        mergePatchBody("{\"name\": " + Api.quote(upper) + "}").header("If-Match", "\"1\"").patch(COLLECTIONS + "/" + id)
                .then().statusCode(200).body("name", equalTo(upper));
    }

    @Test
    void aNameFreedByADeleteCanBeUsedAgain() {
        String name = Api.unique("Reused");
        String id = Api.createCollection(name);
        Api.asArchivist().header("If-Match", "\"1\"").delete(COLLECTIONS + "/" + id).then().statusCode(204);
        Api.createCollection(name);
    }

    @Test
    void ofConcurrentRenamesOfDifferentCollectionsToOneNameExactlyOneSucceeds() throws Exception {
        String name = Api.unique("Renamed to the same");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(Api.createCollection(Api.unique("Rename source")));
        }
        List<Response> responses = race(ids.size(), i -> given().header("Authorization", Tokens.archivist())
                .header("If-Match", "\"1\"").contentType(Api.MERGE_PATCH)
                .body(("{\"name\": " + Api.quote(name) + "}").getBytes(StandardCharsets.UTF_8))
                .patch(COLLECTIONS + "/" + ids.get(i)));
        assertEquals(1, responses.stream().filter(r -> r.statusCode() == 200).count(), "exactly one rename wins");
        for (Response response : responses) {
            if (response.statusCode() != 200) {
                assertEquals(409, response.statusCode(), "a loser gets 409, got: " + response.asString());
            }
        }
        assertEquals(1, ids.stream().filter(id -> Api.getCollection(id).getString("name").equals(name)).count());
    }

    @Test
    void ofConcurrentCreationsWithOneNameExactlyOneSucceedsAndTheOthersAre409() throws Exception {
        String name = Api.unique("Raced");
        List<Response> responses = race(8, i -> given().header("Authorization", Tokens.archivist()).contentType(Api.JSON)
                .body(("{\"name\": " + Api.quote(i % 2 == 0 ? name : name.toUpperCase(Locale.ROOT)) + "}")
                        .getBytes(StandardCharsets.UTF_8))
                .post(COLLECTIONS));
        int created = 0;
        for (Response response : responses) {
            if (response.statusCode() == 201) {
                created++;
            } else {
                assertEquals(409, response.statusCode(), "a loser gets 409, got: " + response.asString());
                assertTrue(response.contentType().startsWith("application/problem+json"));
            }
        }
        assertEquals(1, created, "exactly one collection is created");
    }

    /** Sends {@code count} requests from as many threads, released together. */
    private static List<Response> race(int count, java.util.function.IntFunction<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch ready = new CountDownLatch(count);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int writer = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    assertTrue(go.await(30, TimeUnit.SECONDS));
                    return request.apply(writer);
                }));
            }
            assertTrue(ready.await(30, TimeUnit.SECONDS), "all writers started");
            go.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
    }
}
