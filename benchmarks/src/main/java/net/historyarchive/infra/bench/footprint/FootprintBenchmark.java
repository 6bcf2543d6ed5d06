package net.historyarchive.infra.bench.footprint;

import net.historyarchive.infra.ChildService;
import net.historyarchive.infra.bench.corpus.ArchiveCorpus;
import net.historyarchive.infra.bench.search.BenchQuery;
import net.historyarchive.infra.bench.search.HttpSearchEngine;
import net.historyarchive.infra.bench.search.LoadRun;
import net.historyarchive.infra.bench.search.QueryMix;
import net.historyarchive.infra.bench.suite.BenchStack;
import net.historyarchive.infra.bench.suite.CatalogDeletions;
import net.historyarchive.infra.bench.suite.Cli;
import net.historyarchive.infra.bench.suite.Http;
import net.historyarchive.infra.bench.suite.Machine;
import net.historyarchive.infra.bench.suite.Markdown;
import net.historyarchive.infra.bench.suite.OpenSearchNode;
import net.historyarchive.infra.bench.suite.Rss;
import net.historyarchive.infra.bench.suite.Stack;
import net.historyarchive.infra.bench.suite.StackInfo;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Footprint of each service: a fresh instance is started beside the stack's own (same database or
 * OpenSearch node, same Kafka, another HTTP port, the same JVM options as the stack's services unless
 * {@code --service-jvm-options} says otherwise), and measured from process start to its first
 * answered API request (catalog: GET /api/v1/documents?limit=1; search: a real search), then its
 * resident memory (VmRSS) when idle (after {@code --settle} seconds) and its peak under load
 * (search: 4 clients running the search benchmark's query mix; catalog: creates at 200/s plus one
 * bulk import, all deleted afterwards).
 *
 * <pre>./archive bench footprint [--data DIR] [--settle 10] [--load-seconds 20] [--bulk 20000]
 *                        [--measured-jvm-options "..."] [--keep-stack]</pre>
 */
public final class FootprintBenchmark {

    public record Measure(String service, String jvmOptions, double firstAnswerSeconds, long idleRss, long loadRss, String load) {
    }

    public record Report(String markdown, List<Measure> measures) {
    }

    private FootprintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Cli cli = Cli.parse(args, Set.of("keep-stack"));
        Path root = Path.of(System.getProperty("archive.root", ".")).toAbsolutePath().normalize();
        Path data = cli.path("data", root.resolve(".archive-data/bench"));
        int settle = cli.integer("settle", 10);
        int loadSeconds = cli.integer("load-seconds", 20);
        int bulk = cli.integer("bulk", 20_000);
        String measuredJvm = cli.string("measured-jvm-options", null);
        Path out = cli.path("out", data.resolve("results/footprint.md"));
        List<Integer> ports = cli.integers("ports", BenchStack.DEFAULT_PORTS);
        String jvm = cli.string("service-jvm-options", "");
        boolean keep = cli.flag("keep-stack");
        cli.rejectUnknown();
        try (Stack stack = Stack.open(root, data, ports, jvm, keep)) {
            List<String> options = measuredJvm == null ? stack.info().serviceJvmOptions()
                    : measuredJvm.isBlank() ? List.of() : Arrays.asList(measuredJvm.trim().split("\\s+"));
            Report report = run(stack.info(), data, options, settle, loadSeconds, bulk, ports.get(3) + 100, ports.get(4) + 100);
            Files.createDirectories(out.getParent());
            Files.writeString(out, report.markdown());
            System.out.println(report.markdown());
            System.out.println("[bench] written to " + out);
        }
        System.exit(0);
    }

    public static Report run(StackInfo stack, Path data, List<String> jvmOptions, int settleSeconds, int loadSeconds, int bulk,
                             int catalogPort, int searchPort) throws Exception {
        String conditions = Machine.describe() + "; " + Machine.busyProcesses();
        List<Measure> measures = new ArrayList<>();
        long documentsInView = count(stack);
        measures.add(catalog(stack, data, jvmOptions, settleSeconds, loadSeconds, bulk, catalogPort));
        measures.add(search(stack, data, jvmOptions, settleSeconds, searchPort));
        StringBuilder md = new StringBuilder("### Footprint: start time and resident memory\n\n");
        md.append("Measured ").append(conditions).append(String.format(". Each service started fresh beside the running stack, "
                + "whose view holds %,d documents; JVM options: %s.%n%n", documentsInView,
                jvmOptions.isEmpty() ? "none (as ./archive run starts them)" : "`" + String.join(" ", jvmOptions) + "`"));
        Markdown t = new Markdown("service", "start to first answered request", "RSS idle (MB)", "RSS peak under load (MB)", "load");
        for (Measure m : measures) {
            t.row(m.service(), String.format("%.2f s", m.firstAnswerSeconds()), Rss.mb(m.idleRss()), Rss.mb(m.loadRss()), m.load());
        }
        md.append(t);
        md.append(String.format("%nFor comparison, the stack's own long-running services now: catalog-service %s MB, search-service %s MB. "
                + "Goals: first request within 2 s of start, under 250 MB RSS idle. Load average after: %s.%n",
                Rss.mb(Rss.bytes(stack.catalogPid())), Rss.mb(Rss.bytes(stack.searchPid())), Machine.loadAverage()));
        return new Report(md.toString(), measures);
    }

    private static Measure catalog(StackInfo stack, Path data, List<String> jvmOptions, int settle, int loadSeconds, int bulk,
                                   int port) throws Exception {
        try (ChildService catalog = new ChildService("catalog-service (footprint)", port, data.resolve("logs/footprint-catalog.log"))) {
            catalog.start(stack.catalogJar(), jvmOptions, stack.serviceEnv("catalog", port));
            double first = catalog.awaitAnswer("/api/v1/documents?limit=1", Duration.ofMinutes(3)) / 1e9;
            System.out.printf("[bench] catalog-service answered %.2f s after start%n", first);
            long idle = settledRss(catalog.pid(), settle);
            int rate = 200;
            long peak;
            List<UUID> created = Collections.synchronizedList(new ArrayList<>());
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(16))
                    .connectTimeout(Duration.ofSeconds(5)).build();
            String token = Http.archivistToken();
            Iterator<String> documents = new ArchiveCorpus(11).documents().iterator();
            try (Rss.PeakSampler rss = new Rss.PeakSampler(catalog.pid(), 100)) {
                ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
                // every create's answer is awaited before the deletions: one answered later would leave its document behind
                List<CompletableFuture<?>> answers = Collections.synchronizedList(new ArrayList<>());
                for (int i = 0; i < rate * loadSeconds; i++) {
                    String body = documents.next();
                    ticker.schedule(() -> answers.add(http.sendAsync(HttpRequest.newBuilder(URI.create(catalog.url() + "/api/v1/documents"))
                                    .header("Content-Type", "application/json").header("Authorization", token)
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                            .thenAccept(r -> {
                                if (r.statusCode() == 201) {
                                    try {
                                        created.add(UUID.fromString(Http.JSON.readTree(r.body()).path("id").asText()));
                                    } catch (Exception ignored) {
                                        // counted as not created
                                    }
                                }
                            })), i * (1_000_000_000L / rate), TimeUnit.NANOSECONDS);
                }
                ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
                for (int i = 0; i < bulk; i++) {
                    ndjson.write(documents.next().getBytes(StandardCharsets.UTF_8));
                    ndjson.write('\n');
                }
                HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(catalog.url() + "/api/v1/documents/import"))
                        .header("Content-Type", "application/x-ndjson").header("Authorization", token).timeout(Duration.ofMinutes(10))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(ndjson.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
                if (imported.statusCode() == 200) {
                    Http.JSON.readTree(imported.body()).path("ids").forEach(id -> created.add(UUID.fromString(id.asText())));
                }
                ticker.shutdown();
                ticker.awaitTermination(loadSeconds + 60L, TimeUnit.SECONDS);
                CompletableFuture<?>[] sent;
                synchronized (answers) {
                    sent = answers.toArray(CompletableFuture[]::new);
                }
                CompletableFuture.allOf(sent).handle((r, e) -> null).get(5, TimeUnit.MINUTES);
                Thread.sleep(1000);
                peak = rss.peak();
            }
            List<UUID> toDelete;
            synchronized (created) {
                toDelete = new ArrayList<>(created);
            }
            new CatalogDeletions(http, catalog.url(), token).deleteAndAwaitView(toDelete, new OpenSearchNode(stack.openSearchUrl()));
            return new Measure("catalog-service", String.join(" ", jvmOptions), first, idle, peak,
                    String.format("creates at %d/s for %d s plus one bulk import of %,d documents (deleted afterwards)", rate, loadSeconds, bulk));
        }
    }

    private static Measure search(StackInfo stack, Path data, List<String> jvmOptions, int settle, int port) throws Exception {
        try (ChildService search = new ChildService("search-service (footprint)", port, data.resolve("logs/footprint-search.log"))) {
            search.start(stack.searchJar(), jvmOptions, stack.serviceEnv("search", port));
            double first = search.awaitAnswer("/api/v1/search?q=embassy&facets=type,person,place", Duration.ofMinutes(3)) / 1e9;
            System.out.printf("[bench] search-service answered %.2f s after start%n", first);
            long idle = settledRss(search.pid(), settle);
            List<BenchQuery> mix = QueryMix.build(new ArchiveCorpus(42));
            HttpSearchEngine engine = new HttpSearchEngine(search.url());
            engine.prepare(mix);
            long peak;
            int rounds = 3;
            try (Rss.PeakSampler rss = new Rss.PeakSampler(search.pid(), 100)) {
                LoadRun.run(engine, mix, 4, rounds, 42);
                peak = rss.peak();
            }
            return new Measure("search-service", String.join(" ", jvmOptions), first, idle, peak,
                    String.format("4 clients, %d rounds of the %d-query search mix", rounds, mix.size()));
        }
    }

    /** Waits, then takes the median of five samples a second apart. */
    private static long settledRss(long pid, int settleSeconds) throws InterruptedException {
        Thread.sleep(settleSeconds * 1000L);
        long[] samples = new long[5];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = Rss.bytes(pid);
            Thread.sleep(1000);
        }
        Arrays.sort(samples);
        return samples[2];
    }

    private static long count(StackInfo stack) throws Exception {
        return new OpenSearchNode(stack.openSearchUrl()).liveDocuments();
    }
}
