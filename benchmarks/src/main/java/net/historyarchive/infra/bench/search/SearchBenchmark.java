package net.historyarchive.infra.bench.search;

import net.historyarchive.infra.bench.corpus.ArchiveCorpus;
import net.historyarchive.infra.bench.lucene.LuceneEngine;
import net.historyarchive.infra.bench.lucene.LuceneIndex;
import net.historyarchive.infra.bench.suite.BenchStack;
import net.historyarchive.infra.bench.suite.Cli;
import net.historyarchive.infra.bench.suite.CorpusLoader;
import net.historyarchive.infra.bench.suite.Machine;
import net.historyarchive.infra.bench.suite.Markdown;
import net.historyarchive.infra.bench.suite.OpenSearchNode;
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
 * side in the same run against the same queries sent straight to its OpenSearch node
 * ({@link BareOpenSearchEngine}), the naive PostgreSQL way ({@link NaivePostgresEngine}) and Apache
 * Lucene in-process ({@link LuceneEngine}); each without facets and with three facets, with 1 and
 * 4 concurrent clients; p50, p99, max and throughput per band and overall, written as Markdown.
 *
 * <pre>./archive bench search [--documents 100000] [--data DIR] [--clients 1,4] [--rounds 10] [--naive-rounds 2]
 *                     [--engines search-service,opensearch,naive,lucene] [--facets none,three] [--out FILE] [--keep-stack]</pre>
 */
public final class SearchBenchmark {

    /** What one run produced, for the smoke test. */
    public record Report(String markdown, List<LoadRun.Result> results, List<BenchQuery> mix) {
    }

    /** Settings of one run. */
    public record Settings(long documents, long seed, List<Integer> clients, int rounds, int naiveRounds, int warmupRounds,
                           List<String> engines, List<String> facetVariants, int partSize, int luceneThreads,
                           List<Integer> naiveClients, int naiveWarmupRounds) {
        public Settings(long documents, long seed, List<Integer> clients, int rounds, int naiveRounds, int warmupRounds,
                        List<String> engines, List<String> facetVariants, int partSize, int luceneThreads) {
            this(documents, seed, clients, rounds, naiveRounds, warmupRounds, engines, facetVariants, partSize, luceneThreads,
                    clients, warmupRounds);
        }
    }

    /** Engines in report order, by their --engines names. */
    public static final List<String> ENGINES = List.of("search-service", "opensearch", "naive", "lucene");
    /** The query mix without facets ("none": top 10 and total) and with the three facets ("three"). */
    public static final List<String> FACET_VARIANTS = List.of("none", "three");

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Cli cli = Cli.parse(args, Set.of("keep-stack"));
        Path root = Path.of(System.getProperty("archive.root", ".")).toAbsolutePath().normalize();
        Path data = cli.path("data", root.resolve(".archive-data/bench"));
        Settings settings = new Settings(cli.number("documents", 100_000), cli.number("seed", 42),
                cli.integers("clients", List.of(1, 4)), cli.integer("rounds", 10), cli.integer("naive-rounds", 2),
                cli.integer("warmup", 1), cli.words("engines", ENGINES), cli.words("facets", FACET_VARIANTS),
                cli.integer("part-size", 100_000), cli.integer("lucene-threads", 2), null, -1);
        // The naive way takes seconds per query at 1M documents: it may run fewer client settings and skip its warm-up.
        settings = new Settings(settings.documents(), settings.seed(), settings.clients(), settings.rounds(), settings.naiveRounds(),
                settings.warmupRounds(), settings.engines(), settings.facetVariants(), settings.partSize(), settings.luceneThreads(),
                cli.integers("naive-clients", settings.clients()), cli.integer("naive-warmup", settings.warmupRounds()));
        for (String name : settings.engines()) {
            if (!ENGINES.contains(name)) {
                throw new IllegalArgumentException("unknown engine '" + name + "'; known: " + ENGINES);
            }
        }
        for (String variant : settings.facetVariants()) {
            if (!FACET_VARIANTS.contains(variant)) {
                throw new IllegalArgumentException("unknown facet variant '" + variant + "'; known: " + FACET_VARIANTS);
            }
        }
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
        md.append("Measured ").append(conditions).append(". OpenSearch: ").append(openSearchVersion(stack))
                .append("; PostgreSQL: ").append(postgresVersion(stack)).append(".\n");
        if (inView < s.documents()) {
            md.append(String.format("**search-service's view holds %,d of the %,d corpus documents** (%,d missing: dead-lettered by search-service"
                    + " when they were ingested, see its log); the naive way and Lucene search the catalog's %,d.%n", inView, s.documents(),
                    s.documents() - inView, s.documents()));
        }
        if (load != null) {
            md.append(String.format("Loaded %,d documents for this run first (import %.0f s, all applied after %.0f s, %,d dead-lettered).%n",
                    load.documents(), load.importSeconds(), load.endToEndSeconds(), load.deadLettered()));
        }
        md.append(String.format("%nQuery mix: %d queries (corpus seed %d), each asking for the top %d and the total; facet variants %s "
                        + "(three: also the facets %s over every match); "
                        + "%d warm-up round(s) per engine and variant (naive PostgreSQL: %d), then %d measured rounds per client (naive PostgreSQL: %d), "
                        + "each client in its own shuffled order; clients %s (naive PostgreSQL: %s).%n%n",
                mix.size(), s.seed(), BenchQuery.SIZE, s.facetVariants(), BenchQuery.FACETS, s.warmupRounds(), s.naiveWarmupRounds(),
                s.rounds(), s.naiveRounds(), s.clients(), s.naiveClients()));

        List<String> notes = new ArrayList<>();
        Map<String, SearchEngine> engines = engines(stack, data, s, notes);
        List<LoadRun.Result> results = new ArrayList<>();
        Map<String, Map<Integer, LoadRun.Result>> byRun = new LinkedHashMap<>();
        Map<String, Long> searchRssPeak = new LinkedHashMap<>();
        for (Map.Entry<String, SearchEngine> entry : engines.entrySet()) {
            SearchEngine engine = entry.getValue();
            boolean naive = entry.getKey().equals("naive");
            for (String variant : s.facetVariants()) {
                List<BenchQuery> queries = variant.equals("three") ? mix.stream().map(BenchQuery::withFacets).toList() : mix;
                String label = engine.name() + (variant.equals("three") ? " + 3 facets" : "");
                System.out.println("[bench] " + label + ": preparing and warming up");
                engine.prepare(queries);
                LoadRun.warmUp(engine, queries, naive ? s.naiveWarmupRounds() : s.warmupRounds());
                int rounds = naive ? s.naiveRounds() : s.rounds();
                for (int clients : naive ? s.naiveClients() : s.clients()) {
                    System.out.printf("[bench] %s: %d client(s), %d rounds of %d queries%n", label, clients, rounds, queries.size());
                    LoadRun.Result r;
                    if (entry.getKey().equals("search-service")) {
                        try (Rss.PeakSampler rss = new Rss.PeakSampler(stack.searchPid(), 100)) {
                            r = LoadRun.run(label, engine, queries, clients, rounds, s.seed());
                            searchRssPeak.put(label + ", " + clients + " client(s)", rss.peak());
                        }
                    } else {
                        r = LoadRun.run(label, engine, queries, clients, rounds, s.seed());
                    }
                    Stats all = r.overall();
                    System.out.printf("[bench]   %.1f queries/s, p50 %s ms, p99 %s ms, max %s ms, %d errors%n", r.throughput(),
                            Stats.fmt(all.p50()), Stats.fmt(all.p99()), Stats.fmt(all.max()), r.errors());
                    results.add(r);
                    byRun.computeIfAbsent(runKey(entry.getKey(), variant), k -> new LinkedHashMap<>()).put(clients, r);
                }
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
            md.append('\n').append(bands(mix, byRun, clients));
        }
        md.append('\n').append(goals(byRun, s.clients()));
        searchRssPeak.forEach((run, peak) -> notes.add("search-service resident memory (VmRSS), peak while serving " + run + ": "
                + Rss.mb(peak) + " MB."));
        for (LoadRun.Result r : results) {
            if (r.errors() > 0) {
                notes.add(r.engine() + " with " + r.clients() + " client(s): " + r.errors() + " failed queries, e.g. " + r.errorSamples());
            }
        }
        md.append('\n');
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        md.append("- Load average after: ").append(Machine.loadAverage()).append(".\n");
        md.append('\n').append(perQuery(mix, byRun));
        return new Report(md.toString(), results, mix);
    }

    /** "search-service" without facets, "search-service+facets" with the three. */
    public static String runKey(String engine, String facetVariant) {
        return facetVariant.equals("three") ? engine + "+facets" : engine;
    }

    /** The engines this run compares, in report order, with what preparing them took (untimed) as notes. */
    private static Map<String, SearchEngine> engines(StackInfo stack, Path data, Settings s, List<String> notes) throws Exception {
        Map<String, SearchEngine> engines = new LinkedHashMap<>();
        if (s.engines().contains("search-service")) {
            engines.put("search-service", new HttpSearchEngine(stack.searchUrl()));
        }
        if (s.engines().contains("opensearch")) {
            engines.put("opensearch", new BareOpenSearchEngine(stack.openSearchUrl()));
            notes.add("Bare OpenSearch: the same queries as one _search each on search-service's view index (alias "
                    + OpenSearchNode.VIEW + "): what a word, phrase or prefix means, the filters, the sort, the total bound and the facets as "
                    + "search-service asks for them, without its spelling check, look-alike words, ranking bonuses and highlights.");
        }
        if (s.engines().contains("naive")) {
            System.out.println("[bench] checking the naive baseline's table (" + NaivePostgresEngine.DATABASE + "." + NaivePostgresEngine.TABLE + ")");
            double built = NaivePostgresEngine.ensureTable(stack);
            notes.add(built >= 0 ? String.format("Naive baseline table %s (the catalog's documents copied into database %s, with one GIN "
                    + "index on a weighted search_vector plus indexes for the filters) built in this run in %.0f s.", NaivePostgresEngine.TABLE,
                    NaivePostgresEngine.DATABASE, built)
                    : "Naive baseline table " + NaivePostgresEngine.TABLE + " reused from an earlier run.");
            engines.put("naive", new NaivePostgresEngine(stack.jdbcUrl(NaivePostgresEngine.DATABASE)));
        }
        if (s.engines().contains("lucene")) {
            Path dir = data.resolve("lucene");
            long inCatalog = catalogDocuments(stack);
            if (LuceneIndex.documents(dir) != inCatalog) {
                System.out.println("[bench] building the Lucene index from the catalog's documents");
                long t0 = System.nanoTime();
                long n = LuceneIndex.build(stack.jdbcUrl("catalog"), dir, s.luceneThreads());
                double seconds = (System.nanoTime() - t0) / 1e9;
                notes.add(String.format("Lucene index built from the catalog's documents in this run: %,d documents in %.0f s (%,.0f documents/s, "
                        + "%d indexing threads, merged to one segment), %,.0f MB on disk.", n, seconds, n / seconds, s.luceneThreads(),
                        directorySize(dir) / 1e6));
            } else {
                notes.add(String.format("Lucene index reused from an earlier run (%,.0f MB on disk).", directorySize(dir) / 1e6));
            }
            engines.put("lucene", new LuceneEngine(dir));
        }
        return engines;
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

    static String bands(List<BenchQuery> mix, Map<String, Map<Integer, LoadRun.Result>> byRun, int clients) {
        List<String> header = new ArrayList<>(List.of("band (queries), " + clients + " client(s)"));
        byRun.forEach((key, runs) -> header.add(runs.values().iterator().next().engine() + ": p50 / p99 / max ms"));
        Markdown t = new Markdown(header.toArray(String[]::new));
        List<String> bands = new ArrayList<>(QueryMix.BANDS);
        bands.add("all");
        for (String band : bands) {
            long n = band.equals("all") ? mix.size() : mix.stream().filter(q -> q.band().equals(band)).count();
            if (n == 0) {
                continue;
            }
            List<Object> row = new ArrayList<>(List.of(band + " (" + n + ")"));
            byRun.forEach((key, runs) -> {
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

    /** Issue #11's goals at 1,000,000 documents and 4 clients, against this run's figures (at whatever size it ran). */
    static String goals(Map<String, Map<Integer, LoadRun.Result>> byRun, List<Integer> clients) {
        int c = clients.contains(4) ? 4 : clients.get(clients.size() - 1);
        List<String> parts = new ArrayList<>();
        LoadRun.Result plain = byRun.getOrDefault("search-service", Map.of()).get(c);
        if (plain != null) {
            Stats st = plain.overall();
            parts.add(String.format("without facets p50 %s ms (goal ≤ 5: %s), p99 %s ms (goal ≤ 25: %s), %,.0f queries/s (goal ≥ 700: %s)",
                    Stats.fmt(st.p50()), st.p50() <= 5 ? "met" : "missed", Stats.fmt(st.p99()), st.p99() <= 25 ? "met" : "missed",
                    plain.throughput(), plain.throughput() >= 700 ? "met" : "missed"));
        }
        LoadRun.Result faceted = byRun.getOrDefault(runKey("search-service", "three"), Map.of()).get(c);
        if (faceted != null) {
            Stats st = faceted.overall();
            parts.add(String.format("with three facets p99 %s ms (goal ≤ 50: %s)", Stats.fmt(st.p99()), st.p99() <= 50 ? "met" : "missed"));
        }
        if (parts.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("Goals (" + c + " clients; set for 1,000,000 documents): search-service " + String.join("; ", parts));
        LoadRun.Result bare = byRun.getOrDefault("opensearch", Map.of()).get(c);
        if (bare != null && plain != null) {
            b.append(String.format("; bare OpenSearch p50 %s ms, p99 %s ms (search-service's own share of the p50: %s ms)",
                    Stats.fmt(bare.overall().p50()), Stats.fmt(bare.overall().p99()), Stats.fmt(plain.overall().p50() - bare.overall().p50())));
        }
        return b.append(".\n").toString();
    }

    static String perQuery(List<BenchQuery> mix, Map<String, Map<Integer, LoadRun.Result>> byRun) {
        List<String> header = new ArrayList<>(List.of("id", "band", "query"));
        // totals once per engine (they do not depend on the facets), latencies per engine and variant
        List<String> totals = byRun.keySet().stream().filter(k -> !k.endsWith("+facets") || !byRun.containsKey(k.replace("+facets", "")))
                .toList();
        totals.forEach(key -> header.add(key.replace("+facets", "") + " total"));
        byRun.forEach((key, runs) -> header.add(key + " p50 / max ms (" + runs.keySet().iterator().next() + " client(s))"));
        Markdown t = new Markdown(header.toArray(String[]::new));
        for (BenchQuery q : mix) {
            List<Object> row = new ArrayList<>(List.of(q.id(), q.band(), "`" + q.describe() + "`"));
            totals.forEach(key -> {
                SearchEngine.Outcome o = byRun.get(key).values().iterator().next().outcomes().get(q.id());
                row.add(o == null ? "error" : o.totalText());
            });
            byRun.forEach((key, runs) -> {
                Stats st = runs.values().iterator().next().query(q.id());
                row.add(Stats.fmt(st.p50()) + " / " + Stats.fmt(st.max()));
            });
            t.row(row.toArray());
        }
        return "Per query (totals: search-service and bare OpenSearch count exactly up to 10,000, then \"≥\", and search-service also "
                + "counts look-alikes of rare words; the naive way and Lucene count every match):\n\n" + t;
    }

    static long catalogDocuments(StackInfo stack) throws Exception {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("catalog"), "postgres", "postgres");
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(CatalogRows.COUNT)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String openSearchVersion(StackInfo stack) {
        try {
            return new OpenSearchNode(stack.openSearchUrl()).send("GET", "/", null).path("version").path("number").asText("unknown");
        } catch (Exception e) {
            return "unknown";
        }
    }

    static String postgresVersion(StackInfo stack) {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("catalog"), "postgres", "postgres");
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
