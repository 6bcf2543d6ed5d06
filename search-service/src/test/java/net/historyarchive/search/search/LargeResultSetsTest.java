package net.historyarchive.search.search;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import net.historyarchive.search.support.Snapshot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Past the exact-total bound a search reports "at least N", but its facets still count every
 * match, relevance still ranks every match, and the cursor walks past the page-number window to
 * the last match in relevance order, also when it starts from a numbered page.
 */
@QuarkusTest
@TestProfile(LargeResultSetsTest.SmallBounds.class)
class LargeResultSetsTest {

    public static class SmallBounds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("archive.search.exact-total-up-to", "5", "archive.search.max-page-window", "6");
        }
    }

    @Test
    void commonQueriesReportALowerBoundButFacetRankAndWalkEveryMatch() {
        String collection = "Large " + UUID.randomUUID();
        List<Snapshot> documents = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            documents.add(new Snapshot("Routine report " + i).summary("The sandpiper was counted.").collection(collection));
        }
        Snapshot inTitle = new Snapshot("Sandpiper census").summary("Birds.").collection(collection);
        documents.add(inTitle);
        ResultWalks.sendAndAwait(documents);

        JsonPath result = given().queryParam("q", "sandpiper").queryParam("collection", collection).queryParam("size", 3)
                .queryParam("facets", "type,hasTranslation").get("/api/v1/search").then().statusCode(200).extract().jsonPath();
        assertThat(result.getLong("total.value")).isEqualTo(5);
        assertThat(result.getString("total.relation")).isEqualTo("gte");
        assertThat(result.getBoolean("facetsComplete")).isTrue();
        assertThat(result.getString("hits[0].id")).as("the title match ranks first among all 13").isEqualTo(inTitle.id().toString());
        List<Map<String, Object>> translation = result.getList("facets.hasTranslation");
        assertThat(translation).singleElement().satisfies(v -> assertThat((Integer) v.get("count")).isEqualTo(13));

        given().queryParam("q", "sandpiper").queryParam("collection", collection).queryParam("size", 3).queryParam("page", 3)
                .get("/api/v1/search").then().statusCode(400);
        List<String> walked = ResultWalks.walk(() -> sandpipers(collection), null, new ArrayList<>());
        assertThat(walked).as("relevance paging has no window").hasSize(13).doesNotHaveDuplicates();

        // numbered pages are sorted by score alone (ties in index order); a cursor taken from the last
        // page the window allows goes on in that same order, past the window
        List<String> fromNumbered = new ArrayList<>();
        String cursor = null;
        for (int number = 1; number <= 2; number++) {
            JsonPath page = sandpipers(collection).queryParam("page", number).get("/api/v1/search").then().statusCode(200)
                    .extract().jsonPath();
            fromNumbered.addAll(page.getList("hits.id"));
            cursor = page.getString("nextCursor");
        }
        if (cursor != null) {
            ResultWalks.walk(() -> sandpipers(collection), cursor, fromNumbered);
        }
        assertThat(fromNumbered).as("numbered pages, then the cursor").isEqualTo(walked);
    }

    private static RequestSpecification sandpipers(String collection) {
        return given().queryParam("q", "sandpiper").queryParam("collection", collection).queryParam("size", 3);
    }
}
