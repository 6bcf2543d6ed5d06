package net.historyarchive.catalog.changefeed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import net.historyarchive.catalog.document.service.DocumentService;
import net.historyarchive.catalog.support.Tokens;
import net.historyarchive.catalog.support.TransactionIds;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ChangeFeedTest {

    @Inject
    DocumentService documents;

    @Inject
    DataSource dataSource;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void followingTheFeedFromTheStartSeesLatestStatesAndDeletions() {
        String kept = create("Telegram from Ponomarev to the CPSU Central Committee");
        String changed = create("Record of a Conversation with Ri Dong-yong");
        String removed = create("Draft of Record of a Meeting");
        patch(changed, 1, "{\"summary\": \"Lazarev informs Ri Dong-yong.\"}");
        given().header("Authorization", Tokens.archivist()).header("If-Match", "\"1\"")
                .delete("/api/v1/documents/" + removed).then().statusCode(204);

        List<Map<String, Object>> all = readAll(null, 2).changes;

        assertThat(entriesFor(all, kept)).singleElement().satisfies(c -> {
            assertThat(c.get("type")).isEqualTo("UPSERT");
            assertThat(((Map<?, ?>) c.get("document")).get("title")).isEqualTo("Telegram from Ponomarev to the CPSU Central Committee");
        });
        assertThat(entriesFor(all, changed)).singleElement().satisfies(c -> {
            assertThat(c.get("version")).isEqualTo(2);
            assertThat(((Map<?, ?>) c.get("document")).get("summary")).isEqualTo("Lazarev informs Ri Dong-yong.");
        });
        assertThat(entriesFor(all, removed)).singleElement().satisfies(c -> {
            assertThat(c.get("type")).isEqualTo("DELETE");
            assertThat(c.get("version")).isEqualTo(2);
            assertThat(c.get("deletedAt")).isNotNull();
        });
    }

    /** Transaction ids are ordered as numbers, not as text: a page of one must not jump "1000" before "999". */
    @Test
    void theFeedKeepsTransactionOrderWhereTxidsGainADigit() throws Exception {
        String cursor = readAll(null, 500).cursor;
        String shorter = create("Telegram written before the transaction ids gain a digit");
        TransactionIds.crossNextPowerOfTen(dataSource);
        String longer = create("Telegram written after the transaction ids gained a digit");

        List<Object> ids = readAll(cursor, 1).changes.stream().map(c -> c.get("id")).toList();
        assertThat(ids).contains(shorter, longer);
        assertThat(ids.indexOf(shorter)).isLessThan(ids.indexOf(longer));
    }

    @Test
    void aCursorPicksUpOnlyLaterChanges() {
        String before = create("Journal of Soviet Ambassador A.M. Puzanov for 2 September 1960");
        Feed first = readAll(null, 100);
        assertThat(entriesFor(first.changes, before)).hasSize(1);

        String after = create("Journal of Soviet Ambassador A.M. Puzanov for 3 September 1960");
        Feed next = readAll(first.cursor, 100);
        assertThat(entriesFor(next.changes, after)).hasSize(1);
        assertThat(entriesFor(next.changes, before)).isEmpty();
    }

    @Test
    void aChangeCommittedLateIsHeldBackNotSkipped() throws Exception {
        String slow = create("Changed in a long transaction");
        Feed start = readAll(null, 1000);

        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> longTransaction = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            documents.patch(UUID.fromString(slow), 1L, json.createObjectNode().put("summary", "late"));
            written.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(written.await(60, TimeUnit.SECONDS)).isTrue();
        String quick = create("Created while the long transaction is open");

        Feed whileOpen = readAll(start.cursor, 1000);
        assertThat(entriesFor(whileOpen.changes, slow)).as("uncommitted change").isEmpty();
        assertThat(entriesFor(whileOpen.changes, quick)).as("held back behind the running transaction").isEmpty();

        release.countDown();
        longTransaction.get(60, TimeUnit.SECONDS);

        Feed afterCommit = readAll(whileOpen.cursor, 1000);
        assertThat(entriesFor(afterCommit.changes, slow)).singleElement()
                .satisfies(c -> assertThat(c.get("version")).isEqualTo(2));
        assertThat(entriesFor(afterCommit.changes, quick)).hasSize(1);
    }

    @Test
    void anInvalidCursorOrLimitIsABadRequest() {
        given().get("/api/v1/changes?cursor=not-a-cursor").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("cursor"));
        given().get("/api/v1/changes?limit=0").then().statusCode(400).contentType("application/problem+json");
    }

    private record Feed(List<Map<String, Object>> changes, String cursor) {
    }

    /** Follows the feed page by page until a page comes back empty. */
    private Feed readAll(String cursor, int pageSize) {
        List<Map<String, Object>> changes = new ArrayList<>();
        String position = cursor;
        while (true) {
            JsonPath page = given().queryParam("limit", pageSize)
                    .queryParams(position == null ? Map.of() : Map.of("cursor", position))
                    .get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("changes");
            position = page.getString("nextCursor");
            assertThat(position).isNotBlank();
            if (items.isEmpty()) {
                return new Feed(changes, position);
            }
            changes.addAll(items);
        }
    }

    private static List<Map<String, Object>> entriesFor(List<Map<String, Object>> changes, String id) {
        return changes.stream().filter(c -> id.equals(c.get("id"))).toList();
    }

    private static String create(String title) {
        return given().header("Authorization", Tokens.archivist()).contentType(ContentType.JSON)
                .body("{\"title\": \"" + title + "\"}")
                .post("/api/v1/documents").then().statusCode(201).extract().path("id");
    }

    private static void patch(String id, long version, String body) {
        given().header("Authorization", Tokens.archivist()).header("If-Match", "\"" + version + "\"")
                .contentType("application/merge-patch+json").body(body)
                .patch("/api/v1/documents/" + id).then().statusCode(200);
    }
}
