package net.historyarchive.infra.bench.soak;

import net.historyarchive.infra.bench.suite.BenchStack;
import net.historyarchive.infra.bench.suite.Cli;
import net.historyarchive.infra.bench.suite.Machine;
import net.historyarchive.infra.bench.suite.Markdown;
import net.historyarchive.infra.bench.suite.Rss;
import net.historyarchive.infra.bench.suite.Stack;
import net.historyarchive.infra.bench.suite.StackInfo;
import net.historyarchive.infra.bench.suite.Stats;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Soak: mixed archive traffic at a steady rate for many minutes against the benchmark stack, so
 * that errors, slow drift in latency and memory that only grows show up. Operations start on a
 * fixed schedule (open loop: a slow answer does not slow the offered rate) and run on a pool;
 * each minute reports operations, errors, p50/p99 latency per kind (search, document read, write)
 * and the resident memory and used heap of catalog-service and search-service at its end.
 * Documents the soak created are deleted afterwards (unless {@code --keep-documents}).
 *
 * <pre>./archive bench soak [--minutes 10] [--rate 20] [--data DIR] [--keep-stack] [--out FILE]</pre>
 */
public final class SoakBenchmark {

    private static final int MAX_ERRORS_SHOWN = 10;

    private SoakBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Cli cli = Cli.parse(args, Set.of("keep-stack", "keep-documents"));
        Path root = Path.of(System.getProperty("archive.root", ".")).toAbsolutePath().normalize();
        Path data = cli.path("data", root.resolve(".archive-data/bench"));
        int minutes = cli.integer("minutes", 10);
        int rate = cli.integer("rate", 20);
        boolean keepDocuments = cli.flag("keep-documents");
        Path out = cli.path("out", data.resolve("results/soak.md"));
        List<Integer> ports = cli.integers("ports", BenchStack.DEFAULT_PORTS);
        String jvm = cli.string("service-jvm-options", "");
        boolean keep = cli.flag("keep-stack");
        cli.rejectUnknown();
        if (minutes < 1 || rate < 1) {
            throw new IllegalArgumentException("--minutes and --rate must be at least 1");
        }
        try (Stack stack = Stack.open(root, data, ports, jvm, keep)) {
            String report = run(stack.info(), minutes, rate, !keepDocuments);
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.println(report);
            System.out.println("[bench] written to " + out);
        }
        System.exit(0);
    }

    public static String run(StackInfo stack, int minutes, int rate, boolean cleanUp) throws Exception {
        String conditions = Machine.describe() + "; " + Machine.busyProcesses();
        ExecutorService pool = Executors.newFixedThreadPool(32, daemon("soak-op"));
        // The client keeps its own executor: operations block in send() on the pool's threads, and a
        // client completing its exchanges on that same pool deadlocks once all of them wait.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        SoakTraffic traffic = new SoakTraffic(http, stack);
        ServiceMemory catalogStart = ServiceMemory.of(http, stack.catalogPid(), stack.catalogUrl());
        ServiceMemory searchStart = ServiceMemory.of(http, stack.searchPid(), stack.searchUrl());
        List<SoakMinute> timeline = new ArrayList<>();
        for (int m = 1; m <= minutes; m++) {
            timeline.add(new SoakMinute(m));
        }
        AtomicInteger skipped = new AtomicInteger();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("soak-ticker"));
        Random dice = new Random(42);
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long end = start + TimeUnit.MINUTES.toNanos(minutes);
        AtomicInteger inFlight = new AtomicInteger();
        ticker.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            if (now >= end) {
                return;
            }
            SoakMinute minute = timeline.get((int) ((now - start) / TimeUnit.MINUTES.toNanos(1)));
            if (inFlight.get() >= 32) {
                skipped.incrementAndGet(); // the stack cannot keep up: counted, not queued without bound
                return;
            }
            double roll;
            long seed;
            synchronized (dice) {
                roll = dice.nextDouble();
                seed = dice.nextLong();
            }
            inFlight.incrementAndGet();
            pool.execute(() -> {
                try {
                    minute.record(traffic.run(roll, new Random(seed)));
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        for (SoakMinute minute : timeline) {
            long minuteEnd = start + TimeUnit.MINUTES.toNanos(minute.minute());
            Thread.sleep(Math.max(0, (minuteEnd - System.nanoTime()) / 1_000_000));
            minute.memory(ServiceMemory.of(http, stack.catalogPid(), stack.catalogUrl()),
                    ServiceMemory.of(http, stack.searchPid(), stack.searchUrl()));
            System.out.printf("[bench] soak minute %d: %d operations, %d errors, search p99 %s ms, write p99 %s ms%n",
                    minute.minute(), minute.operations(), minute.errors().size(),
                    Stats.fmt(minute.stats(SoakTraffic.Kind.SEARCH).p99()), Stats.fmt(minute.stats(SoakTraffic.Kind.WRITE).p99()));
        }
        ticker.shutdown();
        ticker.awaitTermination(10, TimeUnit.SECONDS);
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        int created = traffic.ownDocuments();
        int deleted = cleanUp ? traffic.deleteOwnDocuments() : 0;
        pool.shutdownNow();
        return report(conditions, minutes, rate, timeline, catalogStart, searchStart, skipped.get(), created, deleted, cleanUp);
    }

    private static String report(String conditions, int minutes, int rate, List<SoakMinute> timeline,
                                 ServiceMemory catalogStart, ServiceMemory searchStart, int skipped, int left,
                                 int deleted, boolean cleanUp) {
        StringBuilder md = new StringBuilder(String.format("### Soak: %d minutes of mixed traffic at %d operations/s%n%n", minutes, rate));
        md.append("Measured ").append(conditions).append(".\n\n");
        md.append("Mix: 45 % searches (search-service), 25 % document reads (catalog or search-service, alternating), "
                + "15 % creates, 10 % title updates with If-Match, 5 % deletes (catalog API; creates keep a working set of 20 documents).\n\n");
        Markdown t = new Markdown("minute", "operations", "errors", "search p50 / p99 ms", "read p50 / p99 ms", "write p50 / p99 ms",
                "catalog RSS / heap MB", "search RSS / heap MB");
        t.row("start", "", "", "", "", "", mb(catalogStart), mb(searchStart));
        int operations = 0;
        List<String> errors = new ArrayList<>();
        for (SoakMinute m : timeline) {
            operations += m.operations();
            errors.addAll(m.errors());
            t.row(m.minute(), m.operations(), m.errors().size(), pair(m.stats(SoakTraffic.Kind.SEARCH)),
                    pair(m.stats(SoakTraffic.Kind.READ)), pair(m.stats(SoakTraffic.Kind.WRITE)), mb(m.catalog()), mb(m.search()));
        }
        md.append(t).append('\n');
        md.append(String.format("- %,d operations, %d errors (goal: zero)%s.%n", operations, errors.size(),
                skipped > 0 ? String.format("; %,d scheduled operations skipped because 32 were already in flight (the stack fell behind)", skipped) : ""));
        errors.stream().distinct().limit(MAX_ERRORS_SHOWN).forEach(e -> md.append("  - `").append(e.replace('`', '\'')).append("`\n"));
        md.append(cleanUp ? String.format("- %d documents the soak created were deleted afterwards (%d left behind).%n", deleted, left - deleted)
                : String.format("- %d documents the soak created were kept (--keep-documents).%n", left));
        md.append("- Heap is used heap (all pools) at the end of the minute: it rises and falls with garbage collection; "
                + "a leak shows as a floor that keeps rising, RSS that never levels off.\n");
        md.append("- Load average after: ").append(Machine.loadAverage()).append(".\n");
        return md.toString();
    }

    private static String pair(Stats s) {
        return Stats.fmt(s.p50()) + " / " + Stats.fmt(s.p99());
    }

    private static String mb(ServiceMemory memory) {
        return memory == null ? "–" : Rss.mb(memory.rssBytes()) + " / " + Rss.mb(memory.heapBytes());
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
