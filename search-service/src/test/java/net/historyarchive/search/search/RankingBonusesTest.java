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
 * The ranking bonuses go to the best matches only (a window, here 4), and paging stays one order:
 * numbered pages and a cursor walk that crosses the window give the same sequence.
 */
@QuarkusTest
@TestProfile(RankingBonusesTest.SmallBonusWindow.class)
class RankingBonusesTest {

    public static class SmallBonusWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("archive.search.bonus-window", "4");
        }
    }

    private static final String QUERY = "amber falcon";

    @Test
    void wordsStandingTogetherLiftAMatchAmongTheBestAndPagingKeepsOneOrder() {
        String collection = "Bonuses " + UUID.randomUUID();
        List<Snapshot> documents = new ArrayList<>();
        // Both words, far apart: the shortest summaries score highest without a bonus.
        for (int i = 0; i < 3; i++) {
            documents.add(new Snapshot("Report " + i).summary("amber stone river lake falcon").collection(collection));
        }
        // Both words together, in a slightly longer summary: fourth on the plain score, inside the window.
        Snapshot together = new Snapshot("Report together").summary("amber falcon stone river lake hill").collection(collection);
        documents.add(together);
        for (int i = 3; i < 10; i++) {
            documents.add(new Snapshot("Report " + i).summary("amber stone river lake falcon hill meadow").collection(collection));
        }
        ResultWalks.sendAndAwait(documents);

        JsonPath first = search(collection).queryParam("page", 1).get("/api/v1/search").then().statusCode(200).extract().jsonPath();
        assertThat(first.getString("hits[0].id")).as("the phrase bonus lifts the words standing together")
                .isEqualTo(together.id().toString());

        List<String> numbered = new ArrayList<>();
        for (int number = 1; number <= 4; number++) {
            numbered.addAll(search(collection).queryParam("page", number).get("/api/v1/search").then().statusCode(200)
                    .extract().jsonPath().getList("hits.id"));
        }
        List<String> walked = ResultWalks.walk(() -> search(collection), null, new ArrayList<>());

        assertThat(numbered).hasSize(documents.size()).doesNotHaveDuplicates();
        assertThat(walked).as("the cursor, across the bonus window, in the numbered pages' order").isEqualTo(numbered);
    }

    private static RequestSpecification search(String collection) {
        return given().queryParam("q", QUERY).queryParam("collection", collection).queryParam("size", 3).queryParam("facets", "none");
    }
}
