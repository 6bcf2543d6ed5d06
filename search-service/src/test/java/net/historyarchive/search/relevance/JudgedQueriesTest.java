package net.historyarchive.search.relevance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import net.historyarchive.infra.bench.corpus.RelevanceMetrics;
import net.historyarchive.search.support.CatalogEvents;
import net.historyarchive.search.support.Snapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relevance gate on queries a historian types (relevance/judged-queries.json) over the ten
 * sample documents: every document judged "must be on the first page" is there. Stop words never
 * zero a query ("Telegram from Ponomarev", "talks with Mao"), phrases keep them ("the conference
 * which took place"), and when no document holds every term the closest ones still come.
 */
@QuarkusTest
class JudgedQueriesTest {

    private static final String COLLECTION = "Judged " + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static boolean loaded;

    @BeforeEach
    void loadTheSampleDocumentsOnce() throws IOException {
        if (loaded) {
            return;
        }
        loaded = true;
        List<UUID> ids = new ArrayList<>();
        try (CatalogEvents catalog = new CatalogEvents()) {
            for (String line : Files.readAllLines(Path.of("..", "catalog-service", "src", "main", "resources", "sample-data", "documents.ndjson"))) {
                JsonNode sample = JSON.readTree(line);
                Snapshot snapshot = new Snapshot(sample.get("title").asText()).summary(sample.get("summary").asText())
                        .date(sample.at("/date/start").asText()).type(sample.get("documentType").asText()).collection(COLLECTION);
                sample.path("people").forEach(p -> snapshot.people(p.asText()));
                sample.path("places").forEach(p -> snapshot.places(p.asText()));
                catalog.send(snapshot.id(), snapshot.json());
                ids.add(snapshot.id());
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(id -> given().get("/api/v1/documents/" + id).statusCode() == 200));
    }

    @Test
    void everyMustFindDocumentIsOnTheFirstPage() throws IOException {
        JsonNode judged;
        try (InputStream in = getClass().getResourceAsStream("/relevance/judged-queries.json")) {
            judged = JSON.readTree(in);
        }
        List<String> failures = new ArrayList<>();
        double ndcgSum = 0;
        for (JsonNode entry : judged.get("queries")) {
            String query = entry.get("query").asText();
            Map<String, Integer> gains = new LinkedHashMap<>();
            entry.get("judgements").fields().forEachRemaining(e -> gains.put(e.getKey(), e.getValue().asInt()));
            List<String> titles = given().queryParam("q", query).queryParam("collection", COLLECTION).queryParam("size", 10)
                    .get("/api/v1/search").then().statusCode(200).extract().jsonPath().getList("hits.title");
            gains.forEach((title, grade) -> {
                if (grade == 2 && !titles.contains(title)) {
                    failures.add(query + " -> missing '" + title + "' (got " + titles + ")");
                }
            });
            ndcgSum += RelevanceMetrics.ndcgAt(titles, gains, 10);
        }
        System.out.printf("Judged queries: mean nDCG@10 %.3f over %d queries%n", ndcgSum / judged.get("queries").size(),
                judged.get("queries").size());
        assertThat(failures).isEmpty();
    }

    @Test
    void stopWordsNeverZeroAQueryAndPhrasesKeepThem() {
        assertThat(titles("Telegram from Ponomarev")).first().isEqualTo("Telegram from Ponomarev to the CPSU Central Committee");
        assertThat(titles("\"the conference which took place\"")).hasSize(1);
        assertThat(titles("\"the conference which took place in Moscow\"")).as("a phrase stays a phrase").isEmpty();
        assertThat(titles("the OR which")).as("a query of nothing but stop words searches them as typed").isNotEmpty();
        assertThat(titles("Khrushchev -with")).hasSize(2);
        assertThat(given().queryParam("q", "talks with Mao").queryParam("collection", COLLECTION).get("/api/v1/search")
                .then().statusCode(200).extract().jsonPath().getBoolean("partialMatch"))
                .as("no document says 'talks' and 'Mao': the closest come, marked as such").isTrue();
        assertThat(given().queryParam("q", "Telegram from Ponomarev").queryParam("collection", COLLECTION).get("/api/v1/search")
                .then().statusCode(200).extract().jsonPath().getString("partialMatch")).isNull();
    }

    @Test
    void explainSaysWhichFieldsAndWordsScored() {
        var hit = given().queryParam("q", "Ponomarev telegram").queryParam("collection", COLLECTION).queryParam("explain", "true")
                .get("/api/v1/search").then().statusCode(200).extract().jsonPath();
        assertThat(hit.getDouble("hits[0].explanation.score")).isPositive();
        List<String> fields = hit.getList("hits[0].explanation.contributions.field");
        List<String> terms = hit.getList("hits[0].explanation.contributions.term");
        assertThat(fields).contains("title", "people");
        assertThat(terms).contains("telegram", "ponomarev");
        assertThat(given().queryParam("q", "Ponomarev").queryParam("collection", COLLECTION).get("/api/v1/search")
                .then().statusCode(200).extract().jsonPath().getString("hits[0].explanation")).as("only on request").isNull();
    }

    private static List<String> titles(String query) {
        return given().queryParam("q", query).queryParam("collection", COLLECTION).queryParam("size", 10)
                .get("/api/v1/search").then().statusCode(200).extract().jsonPath().getList("hits.title");
    }
}
