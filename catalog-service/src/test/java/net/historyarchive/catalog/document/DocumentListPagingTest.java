package net.historyarchive.catalog.document;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import net.historyarchive.catalog.support.Api;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static net.historyarchive.catalog.support.Api.DOCUMENTS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Paging within a fresh collection, so the expected members are known whatever else the database holds. */
@QuarkusTest
class DocumentListPagingTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    @Test
    void pagesByLimitWithNextCursorAndLinkAndTheCursorGivesTheRestWithoutDuplicates() {
        String collection = Api.createCollection(Api.unique("Paging"));
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(Api.createDocumentIn(collection, "Paged " + i));
        }

        Response first = given().queryParam("collection", collection).queryParam("limit", 2).get(DOCUMENTS);
        first.then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("nextCursor", notNullValue());
        String cursor = first.path("nextCursor");
        String link = nextLink(first);
        assertNotNull(link, "Link rel=next is sent when there is a next page");
        assertTrue(link.contains("cursor=" + cursor), link);
        assertTrue(link.contains("collection=" + collection), "the link keeps the filter: " + link);
        assertTrue(link.contains("limit=2"), "the link keeps the page size: " + link);

        List<String> seen = new ArrayList<>(first.path("items.id"));
        // Second page by the cursor parameter, third page by following the Link header.
        Response second = given().queryParam("collection", collection).queryParam("limit", 2)
                .queryParam("cursor", cursor).get(DOCUMENTS);
        second.then().statusCode(200).body("items.size()", equalTo(2));
        seen.addAll(second.path("items.id"));
        Response third = given().urlEncodingEnabled(false).get(nextLink(second));
        third.then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("nextCursor", nullValue());
        assertNull(nextLink(third), "no Link rel=next on the last page");
        seen.addAll(third.path("items.id"));

        assertEquals(created, seen, "every document once, in creation order");
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no duplicates");
    }

    @Test
    void followingTheLinkHeaderToTheEndVisitsEveryDocumentOnce() {
        String collection = Api.createCollection(Api.unique("Link walk"));
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(Api.createDocumentIn(collection, "Walked " + i));
        }
        List<String> seen = new ArrayList<>();
        Response page = given().queryParam("collection", collection).queryParam("limit", 3).get(DOCUMENTS);
        int pages = 1;
        while (true) {
            page.then().statusCode(200);
            seen.addAll(page.path("items.id"));
            String next = nextLink(page);
            if (next == null) {
                break;
            }
            page = given().urlEncodingEnabled(false).get(next);
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(created, seen);
    }

    @Test
    void aPageExactlyFullHasNoNextCursor() {
        String collection = Api.createCollection(Api.unique("Exact page"));
        Api.createDocumentIn(collection, "One");
        Api.createDocumentIn(collection, "Two");
        Response page = given().queryParam("collection", collection).queryParam("limit", 2).get(DOCUMENTS);
        page.then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("nextCursor", nullValue());
        assertNull(nextLink(page));
    }

    @Test
    void defaultPageSizeIs50AndTheMaximum500IsAccepted() {
        String collection = Api.createCollection(Api.unique("Default page"));
        for (int i = 0; i < 51; i++) {
            Api.createDocumentIn(collection, "Bulk " + i);
        }
        given().queryParam("collection", collection).get(DOCUMENTS)
                .then().statusCode(200)
                .body("items.size()", equalTo(50))
                .body("nextCursor", notNullValue());
        given().queryParam("collection", collection).queryParam("limit", 500).get(DOCUMENTS)
                .then().statusCode(200)
                .body("items.size()", equalTo(51))
                .body("nextCursor", nullValue());
    }

    @Test
    void theNextLinkKeepsAnUpdatedSinceWithAPlusOffset() {
        String collection = Api.createCollection(Api.unique("Offset link"));
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(Api.createDocumentIn(collection, "Offset " + i));
        }
        // 2000-01-01T05:30:00+05:30: the '+' must survive into the link, not turn into a space.
        Response first = given().queryParam("collection", collection).queryParam("updatedSince", "2000-01-01T05:30:00+05:30")
                .queryParam("limit", 2).get(DOCUMENTS);
        first.then().statusCode(200).body("items.size()", equalTo(2));
        Response second = given().urlEncodingEnabled(false).get(nextLink(first));
        second.then().statusCode(200).body("items.size()", equalTo(1));
        List<String> seen = new ArrayList<>(first.path("items.id"));
        seen.addAll(second.path("items.id"));
        assertEquals(created, seen);
    }

    static String nextLink(Response response) {
        for (String link : response.headers().getValues("Link")) {
            Matcher m = NEXT.matcher(link);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }
}
