package net.historyarchive.catalog.document;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import net.historyarchive.catalog.support.Api;
import net.historyarchive.catalog.support.CatalogDb;
import net.historyarchive.catalog.support.Tokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static net.historyarchive.catalog.support.Api.DOCUMENTS;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Writers that read the same version race; exactly one may win, the rest must see 412. */
@QuarkusTest
class ConcurrentDocumentUpdatesTest {

    private static final int WRITERS = 8;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void ofEightConcurrentPatchesBasedOnVersion1ExactlyOneWins() throws Exception {
        assertExactlyOneWins((id, writer) -> given()
                .header("Authorization", Tokens.archivist())
                .header("If-Match", "\"1\"")
                .contentType(Api.MERGE_PATCH)
                .body(("{\"summary\": \"writer " + writer + "\"}").getBytes(StandardCharsets.UTF_8))
                .patch(DOCUMENTS + "/" + id));
    }

    @Test
    void ofEightConcurrentReplacesBasedOnVersion1ExactlyOneWins() throws Exception {
        assertExactlyOneWins((id, writer) -> given()
                .header("Authorization", Tokens.archivist())
                .header("If-Match", "\"1\"")
                .contentType(Api.JSON)
                .body(("{\"title\": \"Contested\", \"summary\": \"writer " + writer + "\"}").getBytes(StandardCharsets.UTF_8))
                .put(DOCUMENTS + "/" + id));
    }

    interface Write {
        Response send(String id, int writer);
    }

    private void assertExactlyOneWins(Write write) throws Exception {
        CatalogDb db = new CatalogDb(dataSource);
        String id = Api.createDocumentTitled("Contested");
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            CountDownLatch ready = new CountDownLatch(WRITERS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                int writer = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    assertTrue(go.await(30, TimeUnit.SECONDS));
                    return write.send(id, writer);
                }));
            }
            assertTrue(ready.await(30, TimeUnit.SECONDS), "all writers started");
            go.countDown();

            List<Integer> winners = new ArrayList<>();
            int preconditionFailed = 0;
            for (int i = 0; i < WRITERS; i++) {
                Response response = futures.get(i).get(60, TimeUnit.SECONDS);
                if (response.statusCode() == 200) {
                    winners.add(i);
                    assertEquals("\"2\"", response.header("ETag"));
                } else {
                    assertEquals(412, response.statusCode(), "a loser gets 412, got: " + response.asString());
                    assertTrue(response.contentType().startsWith("application/problem+json"));
                    preconditionFailed++;
                }
            }
            assertEquals(1, winners.size(), "exactly one writer wins");
            assertEquals(WRITERS - 1, preconditionFailed);

            given().get(DOCUMENTS + "/" + id).then().statusCode(200)
                    .header("ETag", "\"2\"")
                    .body("version", equalTo(2))
                    .body("summary", equalTo("writer " + winners.get(0)));
            List<CatalogDb.OutboxRow> events = db.outboxOf(id);
            assertEquals(2, events.size(), "one created and one updated event, no event for a loser");
            assertEquals(2, events.get(1).aggregateVersion());
            assertTrue(events.get(1).payload().contains("writer " + winners.get(0)));
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
    }
}
