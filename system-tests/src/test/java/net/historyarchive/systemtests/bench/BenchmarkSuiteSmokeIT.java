package net.historyarchive.systemtests.bench;

import net.historyarchive.infra.bench.footprint.FootprintBenchmark;
import net.historyarchive.infra.bench.freshness.FreshnessBenchmark;
import net.historyarchive.infra.bench.ingest.IngestEndToEndBenchmark;
import net.historyarchive.infra.bench.relevance.RelevanceBenchmark;
import net.historyarchive.infra.bench.search.BenchQuery;
import net.historyarchive.infra.bench.search.LoadRun;
import net.historyarchive.infra.bench.search.SearchBenchmark;
import net.historyarchive.infra.bench.search.SearchEngine;
import net.historyarchive.infra.bench.suite.BenchStack;
import net.historyarchive.infra.bench.suite.Http;
import net.historyarchive.infra.bench.suite.OpenSearchNode;
import net.historyarchive.infra.bench.suite.StackInfo;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * A smoke run of the benchmark suite (docs/benchmarks.md) on a tiny corpus, so that its code cannot
 * rot: every benchmark's code path runs against both packaged services, real PostgreSQL, Kafka and
 * OpenSearch, and must produce its report with sane numbers. Timings are not asserted; this is not a measurement.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BenchmarkSuiteSmokeIT {

    private static final long DOCUMENTS = 300;
    private static BenchStack stack;
    private static Path data;

    @BeforeAll
    static void start() throws Exception {
        Path root = Path.of(System.getProperty("system-tests.repository-root", "..")).toAbsolutePath().normalize();
        Path output = Path.of(System.getProperty("system-tests.output", "target"));
        Files.createDirectories(output);
        data = Files.createTempDirectory(output, "bench-smoke-");
        stack = BenchStack.startTemporary(root, data);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static StackInfo info() {
        return stack.info();
    }

    @Test
    @Order(1)
    void ingestLoadsTheCorpusUntilSearchServiceHasAppliedIt() throws Exception {
        IngestEndToEndBenchmark.Report report = IngestEndToEndBenchmark.run(info(), data, 42, DOCUMENTS, 150, true);

        assertThat(report.load().documents()).isEqualTo(DOCUMENTS);
        assertThat(report.load().importNanos()).hasSize(2);
        assertThat(report.load().endToEndSeconds()).isPositive().isGreaterThanOrEqualTo(report.load().importSeconds());
        assertThat(report.markdown()).contains("### Ingest of 300 documents", "documents/s", "View rebuild");
    }

    @Test
    @Order(2)
    void searchRunsTheMixOnAllFourEnginesWithAndWithoutFacetsWithTheSameAnswers() throws Exception {
        SearchBenchmark.Settings settings = new SearchBenchmark.Settings(DOCUMENTS, 42, List.of(1, 2), 1, 1, 1,
                SearchBenchmark.ENGINES, SearchBenchmark.FACET_VARIANTS, 150, 1);
        SearchBenchmark.Report report = SearchBenchmark.run(info(), data, settings);

        assertThat(report.mix()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(report.mix().stream().map(BenchQuery::band).distinct()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(report.results()).hasSize(16); // four engines, two facet variants, two client settings
        for (LoadRun.Result r : report.results()) {
            assertThat(r.errors()).as(r.engine() + " errors: " + r.errorSamples()).isZero();
            assertThat(r.answered()).isEqualTo(report.mix().size() * r.clients());
            assertThat(r.throughput()).isPositive();
            assertThat(r.overall().p50()).isPositive().isLessThanOrEqualTo(r.overall().p99());
        }
        // The naive SQL and Lucene count every match of the same query over the same documents (the same analysis): equal
        // totals show that they answer the same queries. Bare OpenSearch and search-service search the same index with the
        // same query for a word, phrase or prefix; search-service also matches look-alikes of rare words, so it may find more.
        LoadRun.Result naive = result(report, "naive", false);
        LoadRun.Result lucene = result(report, "Lucene", false);
        LoadRun.Result bare = result(report, "bare OpenSearch", false);
        LoadRun.Result service = result(report, "search-service", false);
        for (BenchQuery q : report.mix()) {
            String what = q.id() + " " + q.describe();
            long naiveTotal = naive.outcomes().get(q.id()).total();
            assertThat(lucene.outcomes().get(q.id()).total()).as("Lucene " + what).isEqualTo(naiveTotal);
            SearchEngine.Outcome b = bare.outcomes().get(q.id());
            SearchEngine.Outcome s = service.outcomes().get(q.id());
            if (b.exact() && s.exact()) {
                boolean asTyped = q.text().isEmpty() || q.text().get() instanceof BenchQuery.Phrase
                        || q.text().get() instanceof BenchQuery.Prefix;
                if (asTyped) {
                    assertThat(s.total()).as("search-service " + what).isEqualTo(b.total());
                } else if (!excludes(q.text().get())) {
                    assertThat(s.total()).as("search-service " + what).isGreaterThanOrEqualTo(b.total());
                }
            }
            if (q.text().isEmpty()) {
                // browsing by filters alone: every engine counts the same documents
                assertThat(b.total()).as("bare OpenSearch " + what).isEqualTo(naiveTotal);
            }
        }
        assertThat(result(report, "search-service", true).outcomes().values()).anySatisfy(o -> assertThat(o.facetValues()).isPositive());
        assertThat(result(report, "search-service", false).outcomes().values()).allSatisfy(o -> assertThat(o.facetValues()).isZero());
        assertThat(report.markdown()).contains("### Search latency at 300 documents", "| engine | clients |", "rare (", "deep (",
                "Goals (2 clients", "bare OpenSearch", "+ 3 facets");
    }

    /** Whether the query excludes a word (search-service then also excludes its look-alikes, so it may find fewer). */
    private static boolean excludes(BenchQuery.Node node) {
        return node instanceof BenchQuery.Not
                || node instanceof BenchQuery.And and && and.operands().stream().anyMatch(BenchmarkSuiteSmokeIT::excludes)
                || node instanceof BenchQuery.Or or && or.operands().stream().anyMatch(BenchmarkSuiteSmokeIT::excludes);
    }

    private static LoadRun.Result result(SearchBenchmark.Report report, String engine, boolean facets) {
        return report.results().stream().filter(r -> r.engine().startsWith(engine) && r.engine().endsWith("+ 3 facets") == facets)
                .findFirst().orElseThrow();
    }

    @Test
    @Order(3)
    void footprintStartsFreshInstancesAndReadsTheirMemory() throws Exception {
        FootprintBenchmark.Report report = FootprintBenchmark.run(info(), data, List.of(), 1, 2, 100, freePort(), freePort());

        assertThat(report.measures()).hasSize(2);
        for (FootprintBenchmark.Measure m : report.measures()) {
            assertThat(m.firstAnswerSeconds()).as(m.service()).isPositive();
            assertThat(m.idleRss()).as(m.service()).isGreaterThan(10L << 20);
            assertThat(m.loadRss()).as(m.service()).isGreaterThan(10L << 20);
        }
        assertThat(report.markdown()).contains("### Footprint", "catalog-service", "search-service");
    }

    @Test
    @Order(4)
    void freshnessMeasuresWritesUntilVisibleAndCleansUp() throws Exception {
        FreshnessBenchmark.Report report = FreshnessBenchmark.run(info(), 20, 3, 200, 100, 5, true);

        assertThat(report.phases()).hasSize(2);
        for (FreshnessBenchmark.Phase p : report.phases()) {
            assertThat(p.acknowledged()).as(p.name()).isEqualTo(p.sent());
            assertThat(p.viewNanos()).as(p.name()).hasSizeGreaterThan(p.acknowledged() / 2);
            assertThat(p.viewNanos()).allSatisfy(n -> assertThat(n).isNotNegative());
        }
        assertThat(report.phases().get(1).extra()).contains("bulk import of 200 documents");
        assertThat(report.markdown()).contains("### Freshness", "p50 ms");
    }

    @Test
    @Order(5)
    void relevanceScoresKnownItemsAndJudgedQueriesOnBothEngines() throws Exception {
        RelevanceBenchmark.Report report = RelevanceBenchmark.run(info(), data, 42, DOCUMENTS, 20, 150);

        assertThat(report.knownItems()).hasSize(2);
        for (RelevanceBenchmark.KnownItemScores scores : report.knownItems()) {
            assertThat(scores.typedRanks()).as(scores.engine()).hasSize(20);
            assertThat(scores.typoRanks()).as(scores.engine()).hasSize(20);
            assertThat(scores.successAt(10, false)).as(scores.engine() + " finds most known items as typed").isGreaterThan(0.5);
            assertThat(scores.mrr(false)).as(scores.engine()).isBetween(0.0, 1.0);
        }
        assertThat(report.judged()).hasSize(2);
        for (RelevanceBenchmark.JudgedScores scores : report.judged()) {
            assertThat(scores.ndcg()).as(scores.engine()).hasSizeGreaterThanOrEqualTo(5);
            assertThat(scores.mean()).as(scores.engine()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
        }
        assertThat(report.markdown()).contains("### Relevance at 300 documents", "success@10", "nDCG@10", "default BM25", "**mean**");
        // the run's sample documents (and freshness's) are deleted again: the view holds the corpus alone
        OpenSearchNode node = new OpenSearchNode(info().openSearchUrl());
        try {
            await().atMost(Duration.ofMinutes(2)).until(() -> node.liveDocuments() == DOCUMENTS);
        } catch (ConditionTimeoutException e) {
            fail("the view holds %d live documents, not the corpus's %d alone: %s", node.liveDocuments(), DOCUMENTS, whereLiveDocumentsStand(node));
        }
    }

    /** For a failure message: how the view's live documents stand in the catalog (still there, or deleted there but live in the view). */
    private static String whereLiveDocumentsStand(OpenSearchNode node) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Map<Integer, List<String>> byCatalogStatus = new TreeMap<>();
        for (Map.Entry<UUID, Long> live : node.liveVersions(10_000).entrySet()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(info().catalogUrl() + "/api/v1/documents/" + live.getKey()))
                    .header("Authorization", Http.archivistToken()).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            String catalogVersion = r.headers().firstValue("ETag").orElse("-");
            byCatalogStatus.computeIfAbsent(r.statusCode(), s -> new ArrayList<>())
                    .add(live.getKey() + " (view version " + live.getValue() + ", catalog ETag " + catalogVersion + ")");
        }
        StringBuilder out = new StringBuilder("the catalog answers ");
        byCatalogStatus.forEach((status, ids) -> out.append("HTTP ").append(status).append(" for ").append(ids.size())
                .append(" of them, e.g. ").append(ids.subList(0, Math.min(3, ids.size()))).append("; "));
        return out.toString();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
