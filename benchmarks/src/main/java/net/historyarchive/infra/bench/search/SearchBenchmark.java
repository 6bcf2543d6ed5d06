package net.historyarchive.infra.bench.search;

import net.historyarchive.infra.bench.corpus.ArchiveCorpus;
import net.historyarchive.infra.bench.lucene.LuceneEngine;
import net.historyarchive.infra.bench.lucene.LuceneIndex;
import net.historyarchive.infra.bench.suite.BenchStack;
import net.historyarchive.infra.bench.suite.Cli;
import net.historyarchive.infra.bench.suite.CorpusLoader;
import net.historyarchive.infra.bench.suite.Machine;
import net.historyarchive.infra.bench.suite.Markdown;
import net.historyarchive.infra.bench.suite.Rss;
import net.historyarchive.infra.bench.suite.Stack;
import net.historyarchive.infra.bench.suite.StackInfo;
import net.historyarchive.infra.bench.suite.Stats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Search latency: the query mix ({@link QueryMix}) against search-service through HTTP, and side by
 * side in the same run against the naive PostgreSQL way ({@link NaivePostgresEngine}) and Apache
 * Lucene in-process ({@link LuceneEngine}), with 1 and 4 concurrent clients; p50, p99, max and
 * throughput per band and overall, written as Markdown.
 *
 * <pre>./archive bench search [--documents 100000] [--data DIR] [--clients 1,4] [--rounds 10] [--naive-rounds 2]
 *                     [--engines search-service,naive,lucene] [--out FILE] [--keep-stack]</pre>
 */
public final class SearchBenchmark {

    /** What one run produced, for the smoke test. */
    public record Report(String markdown, List<LoadRun.Result> results, List<BenchQuery> mix) {
    }

    /** Settings of one run. */
    public record Settings(long documents, long seed, List<Integer> clients, int rounds, int naiveRounds, int warmupRounds,
                           List<String> engines, int partSize, int luceneThreads, List<Integer> naiveClients, int naiveWarmupRounds) {
        public Settings(long documents, long seed, List<Integer> clients, int rounds, int naiveRounds, int warmupRounds,
                        List<String> engines, int partSize, int luceneThreads) {
            this(documents, seed, clients, rounds, naiveRounds, warmupRounds, engines, partSize, luceneThreads, clients, warmupRounds);
        }
    }

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Cli cli = Cli.parse(args, Set.of("keep-stack"));
        Path root = Path.of(System.getProperty("archive.root", ".")).toAbsolutePath().normalize();
        Path data = cli.path("data", root.resolve(".archive-data/bench"));
        Settings settings = new Settings(cli.number("documents", 100_000), cli.number("seed", 42),
                cli.integers("clients", List.of(1, 4)), cli.integer("rounds", 10), cli.integer("naive-rounds", 2),
                cli.integer("warmup", 1), cli.words("engines", List.of("search-service", "naive", "lucene")),
                cli.integer("part-size", 100_000), cli.integer("lucene-threads", 2), null, -1);
        // The naive way takes seconds per query at 1M documents: it may run fewer client settings and skip its warm-up.
        settings = new Settings(settings.documents(), settings.seed(), settings.clients(), settings.rounds(), settings.naiveRounds(),
                settings.warmupRounds(), settings.engines(), settings.partSize(), settings.luceneThreads(),
                cli.integers("naive-clients", settings.clients()), cli.integer("naive-warmup", settings.warmupRounds()));
        Path out = cli.path("out", data.resolve("results/search-" + settings.documents() + ".md"));
        List<Integer> ports = cli.integers("ports", BenchStack.DEFAULT_PORTS);
        String jvm = cli.string("service-jvm-options", "");
        boolean keep = cli.flag("keep-stack");
        cli.rejectUnknown();
        try (Stack stack = Stack.open(root, data, ports, jvm, keep)) {
            Report report = run(stack.info(), data, settings);
            Files.createDirectories(out.getParent());
            Files.writeString(out, report.markdown());
            System.out.println(report.markdown());
            System.out.println("[bench] written to " + out);
        }
        System.exit(0);
    }

    public static Report run(StackInfo stack, Path data, Settings s) throws Exception {
        String conditions = Machine.describe() + "; " + Machine.busyProcesses();
        StringBuilder md = new StringBuilder();
        CorpusLoader loader = new CorpusLoader(stack, data, s.seed());
        CorpusLoader.Load load = loader.loadUpTo(s.documents(), s.partSize());
        long inView = loader.viewCount();
        if (inView > s.documents()) {
            throw new IllegalStateException("search-service's view holds " + inView + " live documents, more than the "
                    + s.documents() + " corpus documents this benchmark loaded (other writes on this stack?); use a fresh --data directory");
        }
        List<BenchQuery> mix = QueryMix.build(new ArchiveCorpus(s.seed()));
        md.append("### Search latency at ").append(String.format("%,d", s.documents())).append(" documents\n\n");
        md.append("Measured ").append(conditions).append(". PostgreSQL: ").append(postgresVersion(stack)).append(".\n");
        if (inView < s.documents()) {
            md.append(String.format("**search-service's view holds %,d of the %,d corpus documents** (%,d missing: dead-lettered by search-service"
                    + " when they were ingested, see its log); all three engines search these %,d documents.%n", inView, s.documents(),
                    s.documents() - inView, inView));
        }
        if (load != null) {
            md.append(String.format("Loaded %,d documents for this run first (import %.0f s, all applied after %.0f s, %,d dead-lettered).%n",
                    load.documents(), load.importSeconds(), load.endToEndSeconds(), load.deadLettered()));
        }
        md.append(String.format("%nQuery mix: %d queries (corpus seed %d), each asking for the top %d, the total and the facets %s; "
                        + "%d warm-up round(s) per engine (naive PostgreSQL: %d), then %d measured rounds per client (naive PostgreSQL: %d), "
                        + "each client in its own shuffled order; clients %s (naive PostgreSQL: %s).%n%n",
                mix.size(), s.seed(), BenchQuery.SIZE, BenchQuery.FACETS, s.warmupRounds(), s.naiveWarmupRounds(), s.rounds(),
                s.naiveRounds(), s.clients(), s.naiveClients()));

        Map<String, SearchEngine> engines = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        if (s.engines().contains("search-service")) {
            engines.put("search-service", new HttpSearchEngine(stack.searchUrl()));
        }
        if (s.engines().contains("naive")) {
            System.out.println("[bench] checking the naive baseline's table (" + NaivePostgresEngine.TABLE + ")");
            double built = NaivePostgresEngine.ensureTable(stack.jdbcUrl("search"));
            notes.add((built >= 0 ? String.format("Naive baseline table %s (a copy of the view's live rows with one GIN index on search_vector, "
                    + "plus indexes for the filters) built in this run in %.0f s.", NaivePostgresEngine.TABLE, built)
                    : "Naive baseline table " + NaivePostgresEngine.TABLE + " reused from an earlier run.")
                    + " search-service's own table has only bucketed partial GIN indexes, which a plain @@ query cannot use.");
            engines.put("naive", new NaivePostgresEngine(stack.jdbcUrl("search")));
        }
        if (s.engines().contains("lucene")) {
            Path dir = data.resolve("lucene");
            if (LuceneIndex.documents(dir) != inView) {
                System.out.println("[bench] building the Lucene index from search-service's view");
                long t0 = System.nanoTime();
                long n = LuceneIndex.build(stack.jdbcUrl("search"), dir, s.luceneThreads());
                double seconds = (System.nanoTime() - t0) / 1e9;
                notes.add(String.format("Lucene index built from the view in this run: %,d documents in %.0f s (%,.0f documents/s, %d indexing threads, merged to one segment), %,.0f MB on disk.",
                        n, seconds, n / seconds, s.luceneThreads(), directorySize(dir) / 1e6));
            } else {
                notes.add(String.format("Lucene index reused from an earlier run (%,.0f MB on disk).", directorySize(dir) / 1e6));
            }
            engines.put("lucene", new LuceneEngine(dir));
        }

        List<LoadRun.Result> results = new ArrayList<>();
        Map<String, Map<Integer, LoadRun.Result>> byEngine = new LinkedHashMap<>();
        Map<Integer, Long> searchRssPeak = new LinkedHashMap<>();
        for (Map.Entry<String, SearchEngine> entry : engines.entrySet()) {
            SearchEngine engine = entry.getValue();
            System.out.println("[bench] " + engine.name() + ": preparing and warming up");
            boolean naive = entry.getKey().equals("naive");
            engine.prepare(mix);
            LoadRun.warmUp(engine, mix, naive ? s.naiveWarmupRounds() : s.warmupRounds());
            int rounds = naive ? s.naiveRounds() : s.rounds();
            for (int clients : naive ? s.naiveClients() : s.clients()) {
                System.out.printf("[bench] %s: %d client(s), %d rounds of %d queries%n", engine.name(), clients, rounds, mix.size());
                LoadRun.Result r;
                if (entry.getKey().equals("search-service")) {
                    try (Rss.PeakSampler rss = new Rss.PeakSampler(stack.searchPid(), 100)) {
                        r = LoadRun.run(engine, mix, clients, rounds, s.seed());
                        searchRssPeak.put(clients, rss.peak());
                    }
                } else {
                    r = LoadRun.run(engine, mix, clients, rounds, s.seed());
                }
                Stats all = r.overall();
                System.out.printf("[bench]   %.1f queries/s, p50 %s ms, p99 %s ms, max %s ms, %d errors%n", r.throughput(),
                        Stats.fmt(all.p50()), Stats.fmt(all.p99()), Stats.fmt(all.max()), r.errors());
                results.add(r);
                byEngine.computeIfAbsent(entry.getKey(), k -> new LinkedHashMap<>()).put(clients, r);
            }
            engine.close();
        }
        if (engines.get("search-service") instanceof HttpSearchEngine http && !http.cursorShortfall().isEmpty()) {
            http.cursorShortfall().forEach((id, reached) -> notes.add("search-service: following nextCursor for " + id
                    + " reached only " + reached + " hits (the query asks for the page after " + mix.stream().filter(q -> q.id().equals(id))
                    .findFirst().orElseThrow().cursorDepth() + "); its measured request is the page after the last cursor reached."));
        }
        md.append(summary(results));
        for (int clients : s.clients()) {
            md.append('\n').append(bands(mix, byEngine, clients));
        }
        md.append('\n').append(goals(byEngine, s.clients()));
        searchRssPeak.forEach((clients, peak) -> notes.add("search-service resident memory (VmRSS), peak while serving "
                + clients + " client(s): " + Rss.mb(peak) + " MB."));
        for (LoadRun.Result r : results) {
            if (r.errors() > 0) {
                notes.add(r.engine() + " with " + r.clients() + " client(s): " + r.errors() + " failed queries, e.g. " + r.errorSamples());
            }
        }
        md.append('\n');
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        md.append("- Load average after: ").append(Machine.loadAverage()).append(".\n");
        md.append('\n').append(perQuery(mix, byEngine, s.clients()));
        return new Report(md.toString(), results, mix);
    }

    static String summary(List<LoadRun.Result> results) {
        Markdown t = new Markdown("engine", "clients", "queries answered", "throughput (queries/s)", "p50 ms", "p99 ms", "max ms", "errors");
        for (LoadRun.Result r : results) {
            Stats all = r.overall();
            t.row(r.engine(), r.clients(), r.answered(), String.format("%,.1f", r.throughput()), Stats.fmt(all.p50()),
                    Stats.fmt(all.p99()), Stats.fmt(all.max()), r.errors());
        }
        return t.toString();
    }

    static String bands(List<BenchQuery> mix, Map<String, Map<Integer, LoadRun.Result>> byEngine, int clients) {
        List<String> header = new ArrayList<>(List.of("band (queries), " + clients + " client(s)"));
        byEngine.forEach((key, runs) -> header.add(runs.values().iterator().next().engine() + ": p50 / p99 / max ms"));
        Markdown t = new Markdown(header.toArray(String[]::new));
        List<String> bands = new ArrayList<>(QueryMix.BANDS);
        bands.add("all");
        for (String band : bands) {
            long n = band.equals("all") ? mix.size() : mix.stream().filter(q -> q.band().equals(band)).count();
            if (n == 0) {
                continue;
            }
            List<Object> row = new ArrayList<>(List.of(band + " (" + n + ")"));
            byEngine.forEach((key, runs) -> {
                LoadRun.Result r = runs.get(clients);
                if (r == null) {
                    row.add("not run");
                    return;
                }
                Stats st = band.equals("all") ? r.overall() : r.band(mix, band);
                row.add(Stats.fmt(st.p50()) + " / " + Stats.fmt(st.p99()) + " / " + Stats.fmt(st.max()));
            });
            t.row(row.toArray());
        }
        return t.toString();
    }

    static String goals(Map<String, Map<Integer, LoadRun.Result>> byEngine, List<Integer> clients) {
        StringBuilder b = new StringBuilder();
        int c = clients.contains(4) ? 4 : clients.get(clients.size() - 1);
        Map<Integer, LoadRun.Result> ss = byEngine.get("search-service");
        if (ss == null) {
            return "";
        }
        Stats s = ss.get(c).overall();
        b.append(String.format("Goals (%d clients): search-service p50 %s ms (goal < 10: %s), p99 %s ms (goal < 100: %s)",
                c, Stats.fmt(s.p50()), s.p50() < 10 ? "met" : "missed", Stats.fmt(s.p99()), s.p99() < 100 ? "met" : "missed"));
        Map<Integer, LoadRun.Result> naive = byEngine.get("naive");
        if (naive != null && naive.get(c) != null) {
            double ratio = naive.get(c).overall().p99() / s.p99();
            b.append(String.format("; naive p99 / search-service p99 = %.1f (goal ≥ 10: %s)", ratio, ratio >= 10 ? "met" : "missed"));
        }
        Map<Integer, LoadRun.Result> lucene = byEngine.get("lucene");
        if (lucene != null) {
            Stats l = lucene.get(c).overall();
            b.append(String.format("; Lucene p50 %s ms, p99 %s ms", Stats.fmt(l.p50()), Stats.fmt(l.p99())));
        }
        return b.append(".\n").toString();
    }

    static String perQuery(List<BenchQuery> mix, Map<String, Map<Integer, LoadRun.Result>> byEngine, List<Integer> clients) {
        List<String> header = new ArrayList<>(List.of("id", "band", "query"));
        byEngine.forEach((key, runs) -> header.add(key + " total"));
        byEngine.forEach((key, runs) -> header.add(key + " p50 / max ms (" + runs.keySet().iterator().next() + " client(s))"));
        Markdown t = new Markdown(header.toArray(String[]::new));
        for (BenchQuery q : mix) {
            List<Object> row = new ArrayList<>(List.of(q.id(), q.band(), "`" + q.describe() + "`"));
            byEngine.forEach((key, runs) -> {
                SearchEngine.Outcome o = runs.values().iterator().next().outcomes().get(q.id());
                row.add(o == null ? "error" : o.totalText());
            });
            byEngine.forEach((key, runs) -> {
                Stats st = runs.values().iterator().next().query(q.id());
                row.add(Stats.fmt(st.p50()) + " / " + Stats.fmt(st.max()));
            });
            t.row(row.toArray());
        }
        return "Per query (totals: search-service counts exactly up to its bound, then \"≥\"; the naive way and Lucene count every match):\n\n" + t;
    }

    static String postgresVersion(StackInfo stack) {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("search"), "postgres", "postgres");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('server_version'), current_setting('shared_buffers')")) {
            rs.next();
            return rs.getString(1) + " (shared_buffers " + rs.getString(2) + ")";
        } catch (Exception e) {
            return "unknown";
        }
    }

    static long directorySize(Path dir) {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (Exception e) {
            return -1;
        }
    }
}
