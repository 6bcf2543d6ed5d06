package net.historyarchive.systemtests.bench;

import net.historyarchive.infra.bench.footprint.FootprintBenchmark;
import net.historyarchive.infra.bench.freshness.FreshnessBenchmark;
import net.historyarchive.infra.bench.ingest.IngestEndToEndBenchmark;
import net.historyarchive.infra.bench.search.BenchQuery;
import net.historyarchive.infra.bench.search.LoadRun;
import net.historyarchive.infra.bench.search.SearchBenchmark;
import net.historyarchive.infra.bench.search.SearchEngine;
import net.historyarchive.infra.bench.suite.BenchStack;
import net.historyarchive.infra.bench.suite.StackInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A smoke run of the benchmark suite (docs/benchmarks.md) on a tiny corpus, so that its code cannot
 * rot: every benchmark's code path runs against both packaged services, real PostgreSQL and Kafka,
 * and must produce its report with sane numbers. Timings are not asserted; this is not a measurement.
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
    void searchRunsTheMixOnAllThreeEnginesWithTheSameAnswers() throws Exception {
        SearchBenchmark.Settings settings = new SearchBenchmark.Settings(DOCUMENTS, 42, List.of(1, 2), 1, 1, 1,
                List.of("search-service", "naive", "lucene"), 150, 1);
        SearchBenchmark.Report report = SearchBenchmark.run(info(), data, settings);

        assertThat(report.mix()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(report.mix().stream().map(BenchQuery::band).distinct()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(report.results()).hasSize(6);
        for (LoadRun.Result r : report.results()) {
            assertThat(r.errors()).as(r.engine() + " errors: " + r.errorSamples()).isZero();
            assertThat(r.answered()).isEqualTo(report.mix().size() * r.clients());
            assertThat(r.throughput()).isPositive();
            assertThat(r.overall().p50()).isPositive().isLessThanOrEqualTo(r.overall().p99());
        }
        // The naive SQL and Lucene count every match of the same query over the same documents: equal totals
        // show that the three engines really answer the same queries.
        LoadRun.Result naive = report.results().stream().filter(r -> r.engine().startsWith("naive")).findFirst().orElseThrow();
        LoadRun.Result lucene = report.results().stream().filter(r -> r.engine().startsWith("Lucene")).findFirst().orElseThrow();
        LoadRun.Result service = report.results().stream().filter(r -> r.engine().startsWith("search-service")).findFirst().orElseThrow();
        for (BenchQuery q : report.mix()) {
            assertThat(lucene.outcomes().get(q.id()).total()).as(q.id() + " " + q.describe())
                    .isEqualTo(naive.outcomes().get(q.id()).total());
            SearchEngine.Outcome s = service.outcomes().get(q.id());
            boolean unwidened = q.text().isEmpty() || q.text().get() instanceof BenchQuery.Phrase || q.text().get() instanceof BenchQuery.Prefix;
            if (s.exact() && unwidened) {
                // search-service widens plain words to look-alikes (typos); phrases, prefixes and browsing it takes as they are
                assertThat(s.total()).as(q.id() + " " + q.describe()).isEqualTo(naive.outcomes().get(q.id()).total());
            }
        }
        assertThat(report.markdown()).contains("### Search latency at 300 documents", "| engine | clients |", "rare (", "deep (",
                "Goals (2 clients)");
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
        FreshnessBenchmark.Report report = FreshnessBenchmark.run(info(), 20, 3, 200, 5, true);

        assertThat(report.phases()).hasSize(2);
        for (FreshnessBenchmark.Phase p : report.phases()) {
            assertThat(p.acknowledged()).as(p.name()).isEqualTo(p.sent());
            assertThat(p.viewNanos()).as(p.name()).hasSizeGreaterThan(p.acknowledged() / 2);
            assertThat(p.viewNanos()).allSatisfy(n -> assertThat(n).isNotNegative());
        }
        assertThat(report.phases().get(1).extra()).contains("bulk import of 200 documents");
        assertThat(report.markdown()).contains("### Freshness", "p50 ms");
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
