package net.historyarchive.infra.bench.freshness;

import com.fasterxml.jackson.databind.JsonNode;
import net.historyarchive.infra.bench.corpus.ArchiveCorpus;
import net.historyarchive.infra.bench.suite.BenchStack;
import net.historyarchive.infra.bench.suite.CatalogDeletions;
import net.historyarchive.infra.bench.suite.Cli;
import net.historyarchive.infra.bench.suite.Http;
import net.historyarchive.infra.bench.suite.Machine;
import net.historyarchive.infra.bench.suite.Markdown;
import net.historyarchive.infra.bench.suite.OpenSearchNode;
import net.historyarchive.infra.bench.suite.Stack;
import net.historyarchive.infra.bench.suite.StackInfo;
import net.historyarchive.infra.bench.suite.Stats;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Freshness: how long after the catalog acknowledges a write the document is visible in search.
 * Documents are created through the catalog API at a steady rate (default 200/s); for each, the
 * clock runs from the 201 answer (the write committed) until a search of search-service's view
 * finds the document (OpenSearch shows an indexed document to searches after its next refresh). A
 * watcher polls the view's index every 2 ms for all pending ids (one ids query straight to the
 * node, so watching does not load search-service); for one document in {@code --http-sample} the same is also measured
 * through search-service's own GET /api/v1/documents/{id}, polled every 5 ms. Phase 1 is the steady
 * rate alone; phase 2 the same rate while a bulk import of {@code --bulk} documents commits (in requests of
 * {@code --bulk-part}; give {@code --seconds} long enough to cover the import). The
 * documents created here are deleted afterwards (unless {@code --keep-documents}).
 *
 * <pre>./archive bench freshness [--rate 200] [--seconds 30] [--alone-seconds SECONDS] [--bulk 50000] [--bulk-part 100000] [--data DIR] [--keep-stack]</pre>
 */
public final class FreshnessBenchmark {

    public record Phase(String name, List<Long> viewNanos, List<Long> httpNanos, int sent, int acknowledged, int failed,
                        String extra) {
    }

    public record Report(String markdown, List<Phase> phases) {
    }

    private final StackInfo stack;
    private final HttpClient http;
    private final ExecutorService httpPool = Executors.newFixedThreadPool(16, daemon("freshness-http"));
    private final String token = Http.archivistToken();
    private final Iterator<String> documents;
    private final List<UUID> created = Collections.synchronizedList(new ArrayList<>());
    /** Why writes failed, per phase: "HTTP 503" or the exception's class, with counts. */
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

    private FreshnessBenchmark(StackInfo stack, long seed) {
        this.stack = stack;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(httpPool)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.documents = new ArchiveCorpus(seed).documents().iterator();
    }

    public static void main(String[] args) throws Exception {
        Cli cli = Cli.parse(args, Set.of("keep-stack", "keep-documents"));
        Path root = Path.of(System.getProperty("archive.root", ".")).toAbsolutePath().normalize();
        Path data = cli.path("data", root.resolve(".archive-data/bench"));
        int rate = cli.integer("rate", 200);
        int seconds = cli.integer("seconds", 30);
        int aloneSeconds = cli.integer("alone-seconds", seconds);
        int bulk = cli.integer("bulk", 50_000);
        int bulkPart = cli.integer("bulk-part", 100_000);
        int httpSample = cli.integer("http-sample", 20);
        boolean keepDocuments = cli.flag("keep-documents");
        Path out = cli.path("out", data.resolve("results/freshness.md"));
        List<Integer> ports = cli.integers("ports", BenchStack.DEFAULT_PORTS);
        String jvm = cli.string("service-jvm-options", "");
        boolean keep = cli.flag("keep-stack");
        cli.rejectUnknown();
        try (Stack stack = Stack.open(root, data, ports, jvm, keep)) {
            Report report = run(stack.info(), rate, aloneSeconds, seconds, bulk, bulkPart, httpSample, !keepDocuments);
            Files.createDirectories(out.getParent());
            Files.writeString(out, report.markdown());
            System.out.println(report.markdown());
            System.out.println("[bench] written to " + out);
        }
        System.exit(0);
    }

    public static Report run(StackInfo stack, int rate, int seconds, int bulk, int bulkPart, int httpSample, boolean cleanUp) throws Exception {
        return run(stack, rate, seconds, seconds, bulk, bulkPart, httpSample, cleanUp);
    }

    /** @param aloneSeconds how long the first phase (no import) writes; {@code seconds} is the second phase's */
    public static Report run(StackInfo stack, int rate, int aloneSeconds, int seconds, int bulk, int bulkPart, int httpSample,
                             boolean cleanUp) throws Exception {
        String conditions = Machine.describe() + "; " + Machine.busyProcesses();
        long liveBefore = count(stack);
        FreshnessBenchmark bench = new FreshnessBenchmark(stack, 7);
        List<Phase> phases = new ArrayList<>();
        try {
            phases.add(bench.phase("steady " + rate + " writes/s", rate, aloneSeconds, 0, 0, httpSample));
            if (bulk > 0) {
                phases.add(bench.phase("steady " + rate + " writes/s while a bulk import of " + String.format("%,d", bulk)
                        + " documents runs", rate, seconds, bulk, bulkPart, httpSample));
            }
        } finally {
            if (cleanUp) {
                bench.deleteCreated();
            }
            bench.httpPool.shutdownNow();
        }
        StringBuilder md = new StringBuilder("### Freshness: catalog write acknowledged to document visible in search\n\n");
        md.append("Measured ").append(conditions).append(String.format(". The view held %,d documents before.%n%n", liveBefore));
        Markdown t = new Markdown("phase", "writes sent / acknowledged / failed", "view: p50 ms", "p99 ms", "max ms",
                "GET /api/v1/documents/{id} (sample): p50 ms", "p99 ms", "samples");
        for (Phase p : phases) {
            Stats v = Stats.ofNanos(p.viewNanos());
            Stats h = Stats.ofNanos(p.httpNanos());
            t.row(p.name(), p.sent() + " / " + p.acknowledged() + " / " + p.failed(), Stats.fmt(v.p50()), Stats.fmt(v.p99()),
                    Stats.fmt(v.max()), Stats.fmt(h.p50()), Stats.fmt(h.p99()), h.count());
        }
        md.append(t).append('\n');
        phases.stream().filter(p -> !p.extra().isEmpty()).forEach(p -> md.append("- ").append(p.extra()).append('\n'));
        md.append("- The clock starts when the catalog's 201 answer arrives and stops at the first search of the view's index that finds "
                + "the document (polls every 2 ms; resolution a few ms; search-service writes interactive changes with a refresh, bulk ones wait for its periodic refresh, 5 s by default). Goal (issues #11 and #18): p50 ≤ 250 ms, p99 ≤ 1 s at 200 writes/s.\n");
        md.append("- Load average after: ").append(Machine.loadAverage()).append(".\n");
        return new Report(md.toString(), phases);
    }

    private Phase phase(String name, int rate, int seconds, int bulk, int bulkPart, int httpSample) throws Exception {
        System.out.println("[bench] freshness: " + name);
        Map<UUID, Long> pending = new ConcurrentHashMap<>();
        List<Long> viewNanos = Collections.synchronizedList(new ArrayList<>());
        List<Long> httpNanos = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger httpCounter = new AtomicInteger();
        failures.clear();
        long deadBefore = deadLettered();
        Watcher watcher = new Watcher(new OpenSearchNode(stack.openSearchUrl()), pending, viewNanos);
        Thread watch = new Thread(watcher, "freshness-watcher");
        watch.setDaemon(true);
        watch.start();

        CompletableFuture<String> bulkResult = CompletableFuture.completedFuture("");
        int total = rate * seconds;
        List<String> bodies = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            bodies.add(documents.next());
        }
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("freshness-ticker"));
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            String body = bodies.get(i);
            ticker.schedule(() -> create(body, pending, acknowledged, failed, httpCounter, httpSample, httpNanos),
                    i * periodNanos, TimeUnit.NANOSECONDS);
        }
        if (bulk > 0) {
            Thread.sleep(2000); // the steady stream is running when the import starts
            bulkResult = importAsync(bulk, bulkPart, deadBefore);
        }
        ticker.shutdown();
        ticker.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        String extra = bulkResult.get(30, TimeUnit.MINUTES);
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        int deadLettered = 0;
        while ((acknowledged.get() + failed.get() < total || !pending.isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            if (acknowledged.get() + failed.get() >= total && !pending.isEmpty()) {
                // search-service dead-letters some events (it says how many): once it has caught up, the writes
                // still missing are those, and will never be visible.
                JsonNode freshness = Http.getJson(http, stack.searchUrl() + "/api/v1/freshness");
                long dead = freshness.path("deadLettered").asLong() - deadBefore;
                if (freshness.path("consumerLag").asLong(-1) == 0 && dead >= pending.size()) {
                    Thread.sleep(500);
                    deadLettered = pending.size();
                    break;
                }
            }
        }
        watcher.stop();
        watch.join();
        String note = extra;
        if (!failures.isEmpty()) {
            note += (note.isEmpty() ? "" : " ") + "Failed writes by cause: " + new java.util.TreeMap<>(failures) + ".";
        }
        if (deadLettered > 0) {
            note += (note.isEmpty() ? "" : " ") + deadLettered + " of the steady writes were dead-lettered by search-service and never became "
                    + "visible (not in the latency figures).";
        } else if (!pending.isEmpty()) {
            note += (note.isEmpty() ? "" : " ") + pending.size() + " acknowledged writes never became visible within 30 minutes.";
        }
        System.out.printf("[bench]   %.1f s; view p50 %s ms, p99 %s ms%n", (System.nanoTime() - start) / 1e9,
                Stats.fmt(Stats.ofNanos(viewNanos).p50()), Stats.fmt(Stats.ofNanos(viewNanos).p99()));
        // the bulk import's own documents are not in viewNanos: Watcher only records the steady writes (see importAsync)
        return new Phase(name, List.copyOf(viewNanos), List.copyOf(httpNanos), total, acknowledged.get(), failed.get(), note);
    }

    private void create(String body, Map<UUID, Long> pending, AtomicInteger acknowledged, AtomicInteger failed,
                        AtomicInteger httpCounter, int httpSample, List<Long> httpNanos) {
        http.sendAsync(HttpRequest.newBuilder(URI.create(stack.catalogUrl() + "/api/v1/documents"))
                        .header("Content-Type", "application/json").header("Authorization", token)
                        .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                    long ack = System.nanoTime();
                    if (error != null || response.statusCode() != 201) {
                        failed.incrementAndGet();
                        String cause = error != null ? Http.rootCause(error) : "HTTP " + response.statusCode();
                        failures.computeIfAbsent(cause, c -> new AtomicInteger()).incrementAndGet();
                        return;
                    }
                    try {
                        UUID id = UUID.fromString(Http.JSON.readTree(response.body()).path("id").asText());
                        created.add(id);
                        acknowledged.incrementAndGet();
                        pending.put(id, ack);
                        if (httpSample > 0 && httpCounter.incrementAndGet() % httpSample == 0) {
                            pollHttp(id, ack, httpNanos);
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                });
    }

    /** Polls search-service's document endpoint every 5 ms until it answers 200. */
    private void pollHttp(UUID id, long ack, List<Long> httpNanos) {
        HttpRequest get = HttpRequest.newBuilder(URI.create(stack.searchUrl() + "/api/v1/documents/" + id)).timeout(Duration.ofSeconds(30)).build();
        http.sendAsync(get, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
            if (r != null && r.statusCode() == 200) {
                httpNanos.add(System.nanoTime() - ack);
            } else if (System.nanoTime() - ack < Duration.ofMinutes(10).toNanos()) {
                CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS, httpPool).execute(() -> pollHttp(id, ack, httpNanos));
            }
        });
    }

    private byte[] ndjson(int count) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(count * 2300);
        for (int i = 0; i < count; i++) {
            out.write(documents.next().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.write('\n');
        }
        return out.toByteArray();
    }

    /**
     * Imports {@code count} documents as requests of at most {@code partSize}, one after the other
     * (a million documents do not fit one request body), each part's NDJSON generated just before
     * it is sent and not timed; when the last part commits, waits until that part is visible and
     * says how long the import took and how long its last part took to become visible.
     */
    private CompletableFuture<String> importAsync(int count, int partSize, long deadBefore) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                long importing = 0;
                List<UUID> lastPart = List.of();
                for (int done = 0; done < count; done += partSize) {
                    byte[] body = ndjson(Math.min(partSize, count - done));
                    long sent = System.nanoTime();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(stack.catalogUrl() + "/api/v1/documents/import"))
                                    .header("Content-Type", "application/x-ndjson").header("Authorization", token)
                                    .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    importing += System.nanoTime() - sent;
                    if (r.statusCode() != 200) {
                        return "The bulk import failed after " + done + " documents: HTTP " + r.statusCode() + ".";
                    }
                    List<UUID> imported = new ArrayList<>();
                    Http.JSON.readTree(r.body()).path("ids").forEach(id -> imported.add(UUID.fromString(id.asText())));
                    created.addAll(imported);
                    lastPart = imported;
                    System.out.printf("[bench]   imported %,d of %,d%n", done + imported.size(), count);
                }
                long committed = System.nanoTime();
                long visible = awaitAllApplied(lastPart, deadBefore);
                return String.format("The bulk import of %,d documents (requests of at most %,d) spent %.1f s in its requests "
                                + "(%,.0f documents/s); its last part was applied by search-service %.1f s after it committed.",
                        count, partSize, importing / 1e9, count / (importing / 1e9), (visible - committed) / 1e9);
            } catch (Exception e) {
                return "The bulk import failed: " + e + ".";
            }
        }, httpPool);
    }

    /** Until search-service has caught up and its view finds the ids, less what it dead-lettered meanwhile. */
    private long awaitAllApplied(List<UUID> ids, long deadBefore) throws Exception {
        OpenSearchNode openSearch = new OpenSearchNode(stack.openSearchUrl());
        while (true) {
            long t = System.nanoTime();
            long found = openSearch.countSearchable(ids);
            if (found >= ids.size() || (found >= ids.size() - (deadLettered() - deadBefore) && Http.searchLag(http, stack.searchUrl()) == 0)) {
                return t;
            }
            Thread.sleep(100);
        }
    }

    private long deadLettered() throws Exception {
        return Http.getJson(http, stack.searchUrl() + "/api/v1/freshness").path("deadLettered").asLong();
    }

    /** Deletes what this benchmark created, so that the stack holds the corpus alone again. */
    private void deleteCreated() throws Exception {
        List<UUID> ids;
        synchronized (created) {
            ids = new ArrayList<>(created);
        }
        new CatalogDeletions(http, stack.catalogUrl(), token).deleteAndAwaitView(ids, new OpenSearchNode(stack.openSearchUrl()));
    }

    private static long count(StackInfo stack) throws Exception {
        return new OpenSearchNode(stack.openSearchUrl()).liveDocuments();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Polls the view every 2 ms for the pending ids; records acknowledgement-to-searchable for each it finds. */
    static final class Watcher implements Runnable {
        /** Ids per poll (a search answers at most 10,000 hits); the oldest wait longest, but a map has no order: any will do. */
        private static final int PER_POLL = 5_000;
        private final OpenSearchNode openSearch;
        private final Map<UUID, Long> pending;
        private final List<Long> nanos;
        private volatile boolean running = true;

        Watcher(OpenSearchNode openSearch, Map<UUID, Long> pending, List<Long> nanos) {
            this.openSearch = openSearch;
            this.pending = pending;
            this.nanos = nanos;
        }

        void stop() {
            running = false;
        }

        @Override
        public void run() {
            try {
                while (running) {
                    if (pending.isEmpty()) {
                        Thread.sleep(1);
                        continue;
                    }
                    long polled = System.nanoTime();
                    List<UUID> ids = pending.keySet().stream().limit(PER_POLL).toList();
                    for (UUID id : openSearch.searchable(ids)) {
                        Long ack = pending.remove(id);
                        if (ack != null) {
                            nanos.add(Math.max(0, polled - ack));
                        }
                    }
                    long spent = System.nanoTime() - polled;
                    if (spent < 2_000_000) {
                        java.util.concurrent.locks.LockSupport.parkNanos(2_000_000 - spent);
                    }
                }
            } catch (Exception e) {
                System.err.println("[bench] freshness watcher failed: " + e);
            }
        }
    }
}
