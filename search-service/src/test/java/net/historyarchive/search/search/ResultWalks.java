package net.historyarchive.search.search;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import net.historyarchive.search.support.CatalogEvents;
import net.historyarchive.search.support.Snapshot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Helpers of the paging tests: documents sent as catalog events and awaited, and result lists walked page by page. */
final class ResultWalks {

    private ResultWalks() {
    }

    /** Sends the documents as catalog events, in this order, and waits until search-service serves each. */
    static void sendAndAwait(List<Snapshot> documents) {
        try (CatalogEvents catalog = new CatalogEvents()) {
            documents.forEach(d -> catalog.send(d.id(), d.json()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> documents.stream()
                .allMatch(d -> given().get("/api/v1/documents/" + d.id()).statusCode() == 200));
    }

    /** The hit ids of a search, following nextCursor from the given cursor (null: the first page) to the end, or 100 hits. */
    static List<String> walk(Supplier<RequestSpecification> search, String cursor, List<String> into) {
        do {
            RequestSpecification request = search.get();
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/search").then().statusCode(200).extract().jsonPath();
            into.addAll(page.getList("hits.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null && into.size() < 100);
        return into;
    }
}
