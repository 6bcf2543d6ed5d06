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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Freshness: how long after the catalog acknowledges a write the document is visible in search.
 * Documents are created through the catalog API at a steady rate (default 200/s); for each, the
 * clock runs from the 201 answer (the write committed) until a search of search-service's view
 * finds the document (OpenSearch shows an indexed document to searches after its next refresh). A
 * watcher polls the view's index every {@code --watch-ms} (10) for all pending ids (one ids query
 * straight to the node, so watching does not load search-service); for one document in
 * {@code --http-sample} (20; 0: none) the same is also measured through search-service's own
 * GET /api/v1/documents/{id}, polled every {@code --http-poll-ms} (20). At most
 * {@code --max-in-flight} (64) writes await their answer at once. Phase 1 is the steady rate alone
 * (skipped with {@code --alone-seconds 0}); with {@code --bulk-alone}, the import then runs once
 * with no steady writes, for its throughput alone on the same stack; the last phase is the same
 * rate while a bulk import of {@code --bulk} documents commits (in requests of {@code --bulk-part};
 * give {@code --seconds} long enough to cover the import). The report has each phase's figures and
 * a timeline in 30-second slices. The documents created here are deleted afterwards (unless
 * {@code --keep-documents}).
 *
 * <pre>./archive bench freshness [--rate 200] [--seconds 30] [--alone-seconds SECONDS] [--bulk 50000] [--bulk-part 100000]
 *     [--bulk-alone] [--http-sample 20] [--watch-ms 10] [--http-poll-ms 20] [--max-in-flight 64] [--data DIR] [--keep-stack]</pre>
 */
public final class FreshnessBenchmark {

    public record Phase(String name, List<Seen> seen, List<Long> httpNanos, int sent, int acknowledged, int failed,
                        String extra, List<LaneSampler.Sample> lanes) {
        public List<Long> viewNanos() {
            return seen.stream().map(Seen::nanos).toList();
        }
    }

    /** One steady write found in the view: when it was acknowledged (ns after its phase began), and how long it took. */
    public record Seen(long ackedAfter, long nanos) {
    }

    public record Report(String markdown, List<Phase> phases) {
    }

    private final StackInfo stack;
    private final Pacing pacing;
    /** Catalog writes sent and not yet answered: bounded, so that a slow catalog is not also flooded with connects. */
    private final Semaphore inFlight;
    private final HttpClient http;
    private final ExecutorService httpPool = Executors.newFixedThreadPool(16, daemon("freshness-http"));
    private final String token = Http.archivistToken();
    private final Iterator<String> documents;
    private final List<UUID> created = Collections.synchronizedList(new ArrayList<>());
    /** Why writes failed, per phase: "HTTP 503" or the exception's class, with counts. */
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

    private FreshnessBenchmark(StackInfo stack, long seed, Pacing pacing) {
        this.stack = stack;
        this.pacing = pacing;
        this.inFlight = new Semaphore(pacing.maxInFlight());
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(httpPool)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.documents = new ArchiveCorpus(seed).documents().iterator();
    }

    public static void main(String[] args) throws Exception {
        Cli cli = Cli.parse(args, Set.of("keep-stack", "keep-documents", "bulk-alone"));
        Path root = Path.of(System.getProperty("archive.root", ".")).toAbsolutePath().normalize();
        Path data = cli.path("data", root.resolve(".archive-data/bench"));
        int rate = cli.integer("rate", 200);
        int seconds = cli.integer("seconds", 30);
        int aloneSeconds = cli.integer("alone-seconds", seconds);
        int bulk = cli.integer("bulk", 50_000);
        int bulkPart = cli.integer("bulk-part", 100_000);
        int httpSample = cli.integer("http-sample", 20);
        Pacing pacing = new Pacing(Duration.ofMillis(cli.integer("watch-ms", 10)), Duration.ofMillis(cli.integer("http-poll-ms", 20)),
                cli.integer("max-in-flight", 64), cli.flag("bulk-alone"));
        boolean keepDocuments = cli.flag("keep-documents");
        Path out = cli.path("out", data.resolve("results/freshness.md"));
        List<Integer> ports = cli.integers("ports", BenchStack.DEFAULT_PORTS);
        String jvm = cli.string("service-jvm-options", "");
        boolean keep = cli.flag("keep-stack");
        cli.rejectUnknown();
        try (Stack stack = Stack.open(root, data, ports, jvm, keep)) {
            Report report = run(stack.info(), rate, aloneSeconds, seconds, bulk, bulkPart, httpSample, pacing, !keepDocuments);
            Files.createDirectories(out.getParent());
            Files.writeString(out, report.markdown());
            System.out.println(report.markdown());
            System.out.println("[bench] written to " + out);
        }
        System.exit(0);
    }

    /**
     * How the benchmark itself loads the machine, which shares its cores with the stack: how often
     * the watcher asks the node, how often a sampled document is asked for through search-service,
     * how many catalog writes may be awaiting their answer at once (a write due while all are busy
     * is sent late; the report says how late the last one was), and whether the import also runs
     * alone first, so that its throughput with the steady writes has a comparison on the same
     * stack.
     */
    public record Pacing(Duration watchEvery, Duration httpPollEvery, int maxInFlight, boolean bulkAlone) {
        public static final Pacing DEFAULT = new Pacing(Duration.ofMillis(10), Duration.ofMillis(20), 64, false);
    }

    public static Report run(StackInfo stack, int rate, int seconds, int bulk, int bulkPart, int httpSample, boolean cleanUp) throws Exception {
        return run(stack, rate, seconds, seconds, bulk, bulkPart, httpSample, Pacing.DEFAULT, cleanUp);
    }

    /** @param aloneSeconds how long the first phase (no import) writes; {@code seconds} is the second phase's */
    public static Report run(StackInfo stack, int rate, int aloneSeconds, int seconds, int bulk, int bulkPart, int httpSample,
                             Pacing pacing, boolean cleanUp) throws Exception {
        String conditions = Machine.describe() + "; " + Machine.busyProcesses();
        long liveBefore = count(stack);
        FreshnessBenchmark bench = new FreshnessBenchmark(stack, 7, pacing);
        List<Phase> phases = new ArrayList<>();
        try {
            if (aloneSeconds > 0) {
                phases.add(bench.phase("steady " + rate + " writes/s", rate, aloneSeconds, 0, 0, httpSample));
            }
            if (bulk > 0 && pacing.bulkAlone()) {
                phases.add(bench.phase("the bulk import of " + String.format("%,d", bulk) + " documents alone", 0, 0, bulk, bulkPart,
                        httpSample));
            }
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
        md.append(String.format("- The clock starts when the catalog's 201 answer arrives and stops at the first search of the view's index "
                + "that finds the document (one ids query for every pending write, every %d ms; resolution about that). search-service "
                + "writes interactive changes without waiting for a refresh and refreshes the live view back to back while they "
                + "come (ViewRefresher); bulk ones wait for the index's periodic refresh. At most %d writes await their answer at "
                + "once; one write in %d (if any) is also polled through search-service, %d ms apart. Goal (issues #11 and #18): "
                + "p50 ≤ 250 ms, p99 ≤ 1 s at 200 writes/s.%n", pacing.watchEvery().toMillis(), pacing.maxInFlight(), httpSample,
                pacing.httpPollEvery().toMillis()));
        md.append("- Load average after: ").append(Machine.loadAverage()).append(".\n");
        for (Phase p : phases) {
            if (!p.seen().isEmpty()) {
                md.append("\n").append(timeline(p));
            }
        }
        return new Report(md.toString(), phases);
    }

    /**
     * The phase's writes by when they were acknowledged, in 30-second slices (whether lateness is
     * steady or comes in waves), with where interactive changes waited in that slice ({@link LaneSampler}).
     */
    static String timeline(Phase phase) {
        long slice = Duration.ofSeconds(30).toNanos();
        java.util.TreeMap<Long, List<Long>> bySlice = new java.util.TreeMap<>();
        for (Seen s : phase.seen()) {
            bySlice.computeIfAbsent(s.ackedAfter() / slice, k -> new ArrayList<>()).add(s.nanos());
        }
        Markdown t = new Markdown("acknowledged at (s)", "writes", "view: p50 ms", "p99 ms", "max ms",
                "catalog: oldest unpublished interactive row, max s", "search-service: oldest unapplied interactive event, max s",
                "bulk: outbox rows / consumer lag at the slice's end");
        bySlice.forEach((k, nanos) -> {
            Stats v = Stats.ofNanos(nanos);
            List<LaneSampler.Sample> in = phase.lanes().stream().filter(l -> l.at() / slice == k).toList();
            LaneSampler.Sample last = in.isEmpty() ? null : in.get(in.size() - 1);
            t.row((k * 30) + "-" + (k * 30 + 30), v.count(), Stats.fmt(v.p50()), Stats.fmt(v.p99()), Stats.fmt(v.max()),
                    maxSeconds(in, LaneSampler.Sample::outboxOldestSeconds), maxSeconds(in, LaneSampler.Sample::consumerOldestSeconds),
                    last == null ? "–" : String.format("%,d / %,d", last.bulkOutboxRows(), last.bulkConsumerLag()));
        });
        return "Timeline of \"" + phase.name() + "\" (lane figures sampled once a second; the catalog's outbox age is "
                + "refreshed every 5 s):\n\n" + t;
    }

    private static String maxSeconds(List<LaneSampler.Sample> samples, java.util.function.ToDoubleFunction<LaneSampler.Sample> age) {
        double max = samples.stream().mapToDouble(age).filter(a -> a >= 0).max().orElse(Double.NaN);
        return Double.isNaN(max) ? "–" : String.format("%.1f", max);
    }

    private Phase phase(String name, int rate, int seconds, int bulk, int bulkPart, int httpSample) throws Exception {
        System.out.println("[bench] freshness: " + name);
        Map<UUID, Long> pending = new ConcurrentHashMap<>();
        List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
        List<Long> httpNanos = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger httpCounter = new AtomicInteger();
        failures.clear();
        long deadBefore = deadLettered();
        long start = System.nanoTime();
        Watcher watcher = new Watcher(new OpenSearchNode(stack.openSearchUrl()), pending, seen, start, pacing.watchEvery());
        LaneSampler lanes = new LaneSampler(stack, http, start);
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
        long periodNanos = rate == 0 ? 0 : 1_000_000_000L / rate;
        AtomicLong maxLateNanos = new AtomicLong();
        for (int i = 0; i < total; i++) {
            String body = bodies.get(i);
            long due = start + i * periodNanos;
            ticker.schedule(() -> {
                inFlight.acquireUninterruptibly();
                maxLateNanos.accumulateAndGet(System.nanoTime() - due, Math::max);
                create(body, pending, acknowledged, failed, httpCounter, httpSample, httpNanos);
            }, due - System.nanoTime(), TimeUnit.NANOSECONDS);
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
        lanes.close();
        String note = extra;
        if (total > 0 && maxLateNanos.get() > 100_000_000L) {
            note += (note.isEmpty() ? "" : " ") + String.format("With %d writes awaiting their answer, a write due was sent up to %.1f s late.",
                    pacing.maxInFlight(), maxLateNanos.get() / 1e9);
        }
        if (!failures.isEmpty()) {
            note += (note.isEmpty() ? "" : " ") + "Failed writes by cause: " + new java.util.TreeMap<>(failures) + ".";
        }
        if (deadLettered > 0) {
            note += (note.isEmpty() ? "" : " ") + deadLettered + " of the steady writes were dead-lettered by search-service and never became "
                    + "visible (not in the latency figures).";
        } else if (!pending.isEmpty()) {
            note += (note.isEmpty() ? "" : " ") + pending.size() + " acknowledged writes never became visible within 30 minutes.";
        }
        Phase phase = new Phase(name, List.copyOf(seen), List.copyOf(httpNanos), total, acknowledged.get(), failed.get(), note,
                lanes.samples());
        System.out.printf("[bench]   %.1f s; view p50 %s ms, p99 %s ms%n", (System.nanoTime() - start) / 1e9,
                Stats.fmt(Stats.ofNanos(phase.viewNanos()).p50()), Stats.fmt(Stats.ofNanos(phase.viewNanos()).p99()));
        // the bulk import's own documents are not in seen: Watcher only records the steady writes (see importAsync)
        return phase;
    }

    private void create(String body, Map<UUID, Long> pending, AtomicInteger acknowledged, AtomicInteger failed,
                        AtomicInteger httpCounter, int httpSample, List<Long> httpNanos) {
        http.sendAsync(HttpRequest.newBuilder(URI.create(stack.catalogUrl() + "/api/v1/documents"))
                        .header("Content-Type", "application/json").header("Authorization", token)
                        .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                    long ack = System.nanoTime();
                    inFlight.release();
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

    /** Polls search-service's document endpoint until it answers 200, one request at a time, {@code --http-poll-ms} apart. */
    private void pollHttp(UUID id, long ack, List<Long> httpNanos) {
        HttpRequest get = HttpRequest.newBuilder(URI.create(stack.searchUrl() + "/api/v1/documents/" + id)).timeout(Duration.ofSeconds(30)).build();
        http.sendAsync(get, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
            if (r != null && r.statusCode() == 200) {
                httpNanos.add(System.nanoTime() - ack);
            } else if (System.nanoTime() - ack < Duration.ofMinutes(10).toNanos()) {
                CompletableFuture.delayedExecutor(pacing.httpPollEvery().toMillis(), TimeUnit.MILLISECONDS, httpPool)
                        .execute(() -> pollHttp(id, ack, httpNanos));
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

    /** Polls the view for the pending ids ({@code --watch-ms} apart); records acknowledgement-to-searchable for each it finds. */
    static final class Watcher implements Runnable {
        /** Ids per poll (a search answers at most 10,000 hits); the oldest wait longest, but a map has no order: any will do. */
        private static final int PER_POLL = 5_000;
        private final OpenSearchNode openSearch;
        private final Map<UUID, Long> pending;
        private final List<Seen> seen;
        private final long phaseStart;
        private final long everyNanos;
        private volatile boolean running = true;

        Watcher(OpenSearchNode openSearch, Map<UUID, Long> pending, List<Seen> seen, long phaseStart, Duration every) {
            this.openSearch = openSearch;
            this.pending = pending;
            this.seen = seen;
            this.phaseStart = phaseStart;
            this.everyNanos = every.toNanos();
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
                            seen.add(new Seen(ack - phaseStart, Math.max(0, polled - ack)));
                        }
                    }
                    long spent = System.nanoTime() - polled;
                    if (spent < everyNanos) {
                        java.util.concurrent.locks.LockSupport.parkNanos(everyNanos - spent);
                    }
                }
            } catch (Exception e) {
                System.err.println("[bench] freshness watcher failed: " + e);
            }
        }
    }
}
