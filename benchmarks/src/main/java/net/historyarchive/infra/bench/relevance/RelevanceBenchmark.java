package net.historyarchive.infra.bench.relevance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.historyarchive.infra.bench.corpus.ArchiveCorpus;
import net.historyarchive.infra.bench.corpus.KnownItems;
import net.historyarchive.infra.bench.corpus.KnownItems.KnownItem;
import net.historyarchive.infra.bench.corpus.RelevanceMetrics;
import net.historyarchive.infra.bench.suite.BenchStack;
import net.historyarchive.infra.bench.suite.Cli;
import net.historyarchive.infra.bench.suite.CorpusLoader;
import net.historyarchive.infra.bench.suite.Http;
import net.historyarchive.infra.bench.suite.Machine;
import net.historyarchive.infra.bench.suite.Markdown;
import net.historyarchive.infra.bench.suite.OpenSearchNode;
import net.historyarchive.infra.bench.suite.Stack;
import net.historyarchive.infra.bench.suite.StackInfo;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;

/**
 * Relevance (issue #19), through search-service and beside OpenSearch with default BM25 on the same
 * documents ({@link PlainBm25Index}), so that what the tuning adds shows:
 * <ol>
 *   <li>known-item search over the benchmark corpus: {@code --queries} records of the
 *   {@code --documents} loaded through the catalog, each searched the way a reader who remembers
 *   it would ({@link KnownItems}: the title and two words of the summary), as typed and with a
 *   typo; success@1, success@10 and MRR@10;</li>
 *   <li>the judged queries (search-service/src/test/resources/relevance/judged-queries.json) over
 *   the ten sample documents (imported for the run into a collection of their own, searched
 *   within it, deleted afterwards): nDCG@10 per query and the mean.</li>
 * </ol>
 *
 * <pre>./archive bench relevance [--documents 100000] [--queries 500] [--data DIR] [--out FILE] [--keep-stack]</pre>
 */
public final class RelevanceBenchmark {

    /** Success and MRR of one engine's known-item searches, as typed and with a typo. */
    public record KnownItemScores(String engine, List<Integer> typedRanks, List<Integer> typoRanks, List<String> misses) {
        public double successAt(int k, boolean typo) {
            return RelevanceMetrics.successAt(typo ? typoRanks : typedRanks, k);
        }

        public double mrr(boolean typo) {
            return RelevanceMetrics.mrrAt(typo ? typoRanks : typedRanks, 10);
        }
    }

    /** nDCG@10 per judged query, in the file's order. */
    public record JudgedScores(String engine, Map<String, Double> ndcg) {
        public double mean() {
            return ndcg.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }
    }

    public record Report(String markdown, List<KnownItemScores> knownItems, List<JudgedScores> judged) {
    }

    static final String SERVICE = "search-service";
    static final String BM25 = "OpenSearch, default BM25";
    private static final String JUDGED = "search-service/src/test/resources/relevance/judged-queries.json";
    private static final String SAMPLES = "catalog-service/src/main/resources/sample-data/documents.ndjson";

    private final StackInfo stack;
    private final HttpClient http = Http.client();
    private final OpenSearchNode openSearch;

    private RelevanceBenchmark(StackInfo stack) {
        this.stack = stack;
        this.openSearch = new OpenSearchNode(stack.openSearchUrl(), http);
    }

    public static void main(String[] args) throws Exception {
        Cli cli = Cli.parse(args, Set.of("keep-stack"));
        Path root = Path.of(System.getProperty("archive.root", ".")).toAbsolutePath().normalize();
        Path data = cli.path("data", root.resolve(".archive-data/bench"));
        long documents = cli.number("documents", 100_000);
        int queries = cli.integer("queries", 500);
        long seed = cli.number("seed", 42);
        int partSize = cli.integer("part-size", 100_000);
        Path out = cli.path("out", data.resolve("results/relevance-" + documents + ".md"));
        List<Integer> ports = cli.integers("ports", BenchStack.DEFAULT_PORTS);
        String jvm = cli.string("service-jvm-options", "");
        boolean keep = cli.flag("keep-stack");
        cli.rejectUnknown();
        try (Stack stack = Stack.open(root, data, ports, jvm, keep)) {
            Report report = run(stack.info(), data, seed, documents, queries, partSize);
            Files.createDirectories(out.getParent());
            Files.writeString(out, report.markdown());
            System.out.println(report.markdown());
            System.out.println("[bench] written to " + out);
        }
        System.exit(0);
    }

    public static Report run(StackInfo stack, Path data, long seed, long documents, int queries, int partSize) throws Exception {
        String conditions = Machine.describe() + "; " + Machine.busyProcesses();
        CorpusLoader loader = new CorpusLoader(stack, data, seed);
        loader.loadUpTo(documents, partSize);
        RelevanceBenchmark bench = new RelevanceBenchmark(stack);
        StringBuilder md = new StringBuilder("### Relevance at ").append(String.format("%,d", documents)).append(" documents\n\n");
        md.append("Measured ").append(conditions).append(".\n\n");

        List<KnownItemScores> knownItems = bench.knownItems(loader, seed, documents, queries, md);
        List<JudgedScores> judged = bench.judged(stack.root(), md);
        md.append("\nLoad average after: ").append(Machine.loadAverage()).append(".\n");
        return new Report(md.toString(), knownItems, judged);
    }

    private List<KnownItemScores> knownItems(CorpusLoader loader, long seed, long documents, int queries, StringBuilder md)
            throws Exception {
        ArchiveCorpus corpus = new ArchiveCorpus(seed);
        List<UUID> ids = loader.ids();
        PlainBm25Index bm25 = new PlainBm25Index(openSearch, "bench-bm25-corpus-seed" + seed);
        String loaded = "reused";
        if (bm25.documents() != documents) {
            System.out.printf("[bench] loading the %,d corpus documents into a plain OpenSearch index (default mappings)%n", documents);
            long t0 = System.nanoTime();
            bm25.load(LongStream.range(0, documents).mapToObj(corpus::document).iterator(), ids.subList(0, (int) documents).iterator());
            loaded = String.format("loaded in %.0f s", (System.nanoTime() - t0) / 1e9);
        }
        List<KnownItem> items = KnownItems.sample(corpus, documents, queries, seed);
        System.out.printf("[bench] %d known-item searches, as typed and with a typo, on both engines%n", items.size());
        KnownItemScores service = new KnownItemScores(SERVICE, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        KnownItemScores plain = new KnownItemScores(BM25, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (KnownItem item : items) {
            String wanted = ids.get((int) item.index()).toString();
            for (boolean typo : new boolean[]{false, true}) {
                String query = typo ? item.queryWithTypo() : item.query();
                rank(service, typo, query, serviceTop10(query, null, "id"), wanted);
                rank(plain, typo, query, bm25.top10(query, null), wanted);
            }
        }
        md.append(String.format("Known-item search: %d records of the %,d, each searched for by its title as a reader remembers it and two "
                + "words of its summary (KnownItems, seed %d), as typed and with one typo in a longer word; the rank of the record in "
                + "the first 10 (search-service: GET /api/v1/search, no facets; plain BM25: an index with default mappings on the same "
                + "node, %s, multi_match over %s).%n%n", items.size(), documents, seed, loaded, String.join(", ", PlainBm25Index.FIELDS)));
        Markdown t = new Markdown("engine", "success@1 (typed / typo)", "success@10 (typed / typo)", "MRR@10 (typed / typo)");
        for (KnownItemScores s : List.of(service, plain)) {
            t.row(s.engine(), pair(s.successAt(1, false), s.successAt(1, true)), pair(s.successAt(10, false), s.successAt(10, true)),
                    pair(s.mrr(false), s.mrr(true)));
        }
        md.append(t);
        if (!service.misses().isEmpty()) {
            md.append(String.format("%nsearch-service missed %d of %d searches, e.g.:%n%n", service.misses().size(), 2 * items.size()));
            service.misses().stream().limit(10).forEach(m -> md.append("- `").append(m).append("`\n"));
        }
        return List.of(service, plain);
    }

    private static void rank(KnownItemScores scores, boolean typo, String query, List<String> top10, String wanted) {
        int rank = top10.indexOf(wanted) + 1;
        (typo ? scores.typoRanks() : scores.typedRanks()).add(rank);
        if (rank == 0) {
            scores.misses().add(query);
        }
    }

    private List<JudgedScores> judged(Path root, StringBuilder md) throws Exception {
        JsonNode judged = Http.JSON.readTree(root.resolve(JUDGED).toFile());
        List<String> samples = Files.readAllLines(root.resolve(SAMPLES)).stream().filter(l -> !l.isBlank()).toList();
        String collection = "Relevance benchmark " + UUID.randomUUID();
        String token = Http.archivistToken();
        UUID collectionId = createCollection(collection, token);
        List<UUID> ids = List.of();
        try {
            ids = importSamples(samples, collectionId, token);
            awaitSearchable(ids);
            PlainBm25Index bm25 = new PlainBm25Index(openSearch, "bench-bm25-samples");
            bm25.load(samples.iterator(), ids.iterator());

            JudgedScores service = new JudgedScores(SERVICE, new LinkedHashMap<>());
            JudgedScores plain = new JudgedScores(BM25, new LinkedHashMap<>());
            for (JsonNode entry : judged.path("queries")) {
                String query = entry.path("query").asText();
                Map<String, Integer> gains = new LinkedHashMap<>();
                entry.path("judgements").fields().forEachRemaining(e -> gains.put(e.getKey(), e.getValue().asInt()));
                service.ndcg().put(query, RelevanceMetrics.ndcgAt(serviceTop10(query, collection, "title"), gains, 10));
                plain.ndcg().put(query, RelevanceMetrics.ndcgAt(bm25.top10(query, "title"), gains, 10));
            }
            md.append(String.format("%nJudged queries (%s, %d queries a historian would type, each with the documents that must "
                    + "come first, grade 2, or are relevant, grade 1) over the %d sample documents (%s, imported through the catalog for "
                    + "this run into a collection of their own and searched within it; deleted afterwards); nDCG@10:%n%n",
                    JUDGED, service.ndcg().size(), samples.size(), SAMPLES));
            Markdown t = new Markdown("query", SERVICE, BM25);
            service.ndcg().forEach((query, ndcg) -> t.row("`" + query + "`", String.format("%.3f", ndcg),
                    String.format("%.3f", plain.ndcg().get(query))));
            t.row("**mean**", String.format("**%.3f**", service.mean()), String.format("**%.3f**", plain.mean()));
            md.append(t);
            return List.of(service, plain);
        } finally {
            deleteAll(ids, collectionId, token);
        }
    }

    /** The ten best hits of search-service for {@code query} (within {@code collection} when not null): each hit's {@code field}. */
    private List<String> serviceTop10(String query, String collection, String field) throws Exception {
        StringBuilder url = new StringBuilder(stack.searchUrl()).append("/api/v1/search?size=10&facets=none&q=")
                .append(URLEncoder.encode(query, StandardCharsets.UTF_8));
        if (collection != null) {
            url.append("&collection=").append(URLEncoder.encode(collection, StandardCharsets.UTF_8));
        }
        List<String> ranked = new ArrayList<>();
        Http.getJson(http, url.toString()).path("hits").forEach(h -> ranked.add(h.path(field).asText()));
        return ranked;
    }

    private UUID createCollection(String name, String token) throws Exception {
        ObjectNode body = Http.JSON.createObjectNode().put("name", name);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(stack.catalogUrl() + "/api/v1/collections"))
                .header("Content-Type", "application/json").header("Authorization", token).timeout(Duration.ofMinutes(1))
                .POST(HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("creating the collection failed: HTTP " + r.statusCode() + " " + Http.abbreviate(r.body()));
        }
        return UUID.fromString(Http.JSON.readTree(r.body()).path("id").asText());
    }

    private List<UUID> importSamples(List<String> samples, UUID collectionId, String token) throws Exception {
        StringBuilder ndjson = new StringBuilder();
        for (String line : samples) {
            ObjectNode record = (ObjectNode) Http.JSON.readTree(line);
            record.putArray("collections").add(collectionId.toString());
            ndjson.append(Http.JSON.writeValueAsString(record)).append('\n');
        }
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(stack.catalogUrl() + "/api/v1/documents/import"))
                .header("Content-Type", "application/x-ndjson").header("Authorization", token).timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(ndjson.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("importing the sample documents failed: HTTP " + r.statusCode() + " " + Http.abbreviate(r.body()));
        }
        List<UUID> ids = new ArrayList<>();
        Http.JSON.readTree(r.body()).path("ids").forEach(id -> ids.add(UUID.fromString(id.asText())));
        return ids;
    }

    private void awaitSearchable(List<UUID> ids) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (openSearch.countSearchable(ids) < ids.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the sample documents did not become searchable within 10 minutes");
            }
            Thread.sleep(100);
        }
    }

    /** Deletes the run's sample documents, then their collection, so the stack holds the corpus alone again. */
    private void deleteAll(List<UUID> ids, UUID collectionId, String token) throws Exception {
        for (UUID id : ids) {
            delete("/api/v1/documents/" + id, token);
        }
        delete("/api/v1/collections/" + collectionId, token);
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!ids.isEmpty() && openSearch.countSearchable(ids) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100); // until search-service has applied the deletions: the next benchmark counts the view
        }
    }

    private void delete(String path, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(stack.catalogUrl() + path)).header("Authorization", token)
                .header("If-Match", "\"1\"").timeout(Duration.ofMinutes(1)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            System.out.println("[bench] DELETE " + path + " failed: HTTP " + r.statusCode() + " " + Http.abbreviate(r.body()));
        }
    }

    private static String pair(double typed, double typo) {
        return String.format("%.3f / %.3f", typed, typo);
    }
}
