package net.historyarchive.search.relevance;

import io.quarkus.test.junit.QuarkusTest;
import net.historyarchive.infra.bench.corpus.ArchiveCorpus;
import net.historyarchive.infra.bench.corpus.KnownItems;
import net.historyarchive.infra.bench.corpus.KnownItems.KnownItem;
import net.historyarchive.infra.bench.corpus.RelevanceMetrics;
import net.historyarchive.search.support.CatalogEvents;
import net.historyarchive.search.support.CorpusEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relevance gate on known-item search: over a fixed generated corpus, a reader who types a
 * record's title as remembered and two words of its summary finds it in the first ten, with or
 * without a typo, at least 98% of the time (./archive bench relevance measures the same at scale
 * and beside plain BM25; docs/benchmarks.md has the figures).
 */
@QuarkusTest
class KnownItemGateTest {

    private static final long SEED = 20261202L;
    private static final int CORPUS = 3000;
    private static final int QUERIES = 300;
    private static final double GATE = 0.98;

    @Test
    void readersFindTheRecordTheyRememberInTheFirstTen() {
        String collection = "Known items " + UUID.randomUUID();
        ArchiveCorpus corpus = new ArchiveCorpus(SEED);
        try (CatalogEvents catalog = new CatalogEvents()) {
            for (long i = 0; i < CORPUS; i++) {
                catalog.send(id(collection, i), CorpusEvents.created(id(collection, i), corpus.document(i), collection));
            }
        }
        UUID last = id(collection, CORPUS - 1);
        await().atMost(Duration.ofMinutes(3)).until(() -> given().get("/api/v1/documents/" + last).statusCode() == 200);

        List<Integer> plain = new ArrayList<>();
        List<Integer> typo = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        for (KnownItem item : KnownItems.sample(corpus, CORPUS, QUERIES, SEED)) {
            String wanted = id(collection, item.index()).toString();
            plain.add(rank(item.query(), collection, wanted, misses));
            typo.add(rank(item.queryWithTypo(), collection, wanted, misses));
        }
        System.out.printf("Known-item gate (%d records, %d queries): success@1 %.3f / %.3f, success@10 %.3f / %.3f, MRR@10 %.3f / %.3f "
                        + "(as typed / with a typo)%n", CORPUS, QUERIES,
                RelevanceMetrics.successAt(plain, 1), RelevanceMetrics.successAt(typo, 1),
                RelevanceMetrics.successAt(plain, 10), RelevanceMetrics.successAt(typo, 10),
                RelevanceMetrics.mrrAt(plain, 10), RelevanceMetrics.mrrAt(typo, 10));
        misses.stream().limit(20).forEach(m -> System.out.println("  miss: " + m));
        assertThat(RelevanceMetrics.successAt(plain, 10)).as("success@10 as typed; misses: " + misses).isGreaterThanOrEqualTo(GATE);
        assertThat(RelevanceMetrics.successAt(typo, 10)).as("success@10 with a typo; misses: " + misses).isGreaterThanOrEqualTo(GATE);
    }

    private static int rank(String query, String collection, String wanted, List<String> misses) {
        List<String> ids = given().queryParam("q", query).queryParam("collection", collection).queryParam("size", 10)
                .queryParam("facets", "none").get("/api/v1/search").then().statusCode(200).extract().jsonPath().getList("hits.id");
        int rank = ids.indexOf(wanted) + 1;
        if (rank == 0) {
            misses.add(query);
        }
        return rank;
    }

    private static UUID id(String collection, long index) {
        return UUID.nameUUIDFromBytes((collection + "#" + index).getBytes());
    }
}
