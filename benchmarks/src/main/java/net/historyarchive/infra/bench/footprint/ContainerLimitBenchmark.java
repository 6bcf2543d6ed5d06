package net.historyarchive.infra.bench.footprint;

import net.historyarchive.infra.DevToken;
import net.historyarchive.infra.KafkaBroker;
import net.historyarchive.infra.Logs;
import net.historyarchive.infra.PostgresServer;
import net.historyarchive.infra.bench.corpus.ArchiveCorpus;
import net.historyarchive.infra.bench.suite.Cli;
import net.historyarchive.infra.bench.suite.Machine;
import net.historyarchive.infra.bench.suite.Markdown;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * catalog-service under a real container memory limit: the packaged service runs in a memory
 * cgroup limited like its Kubernetes container (768 MiB), with the JVM options its image sets
 * (ENV JAVA_OPTS in catalog-service/Dockerfile, read from there), against a fresh PostgreSQL and
 * Kafka, and gets its heaviest load: creates at a steady rate while one ATOMIC bulk import of many
 * documents runs. Reported: the heap the JVM chose from the limit, the process's peak resident
 * memory (VmHWM), the cgroup's peak charge (page cache included), OOM kills, and whether every
 * request succeeded.
 *
 * <pre>./archive bench limits [--limit-mib 768] [--bulk 50000] [--load-seconds 30] [--rate 200] [--out FILE]</pre>
 * Needs write access to the cgroup hierarchy (root).
 */
public final class ContainerLimitBenchmark {

    private ContainerLimitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Cli cli = Cli.parse(args, Set.of());
        Path root = Path.of(System.getProperty("archive.root", ".")).toAbsolutePath().normalize();
        long limitMib = cli.integer("limit-mib", 768);
        int bulk = cli.integer("bulk", 50_000);
        int loadSeconds = cli.integer("load-seconds", 30);
        int rate = cli.integer("rate", 200);
        Path out = cli.path("out", root.resolve(".archive-data/bench/results/footprint-container-limit.md"));
        cli.rejectUnknown();
        String javaOpts = imageJavaOpts(root.resolve("catalog-service/Dockerfile"));
        Path jar = root.resolve("catalog-service/target/quarkus-app/quarkus-run.jar");
        Path log = root.resolve(".archive-data/bench/logs/container-limit-catalog.log");
        Files.createDirectories(log.getParent());
        Files.createDirectories(out.getParent());
        Logs.quietServers();
        try (PostgresServer postgres = PostgresServer.startTemporary(); KafkaBroker kafka = KafkaBroker.startTemporary();
             MemoryCgroup cgroup = MemoryCgroup.create("archive-limit-" + ProcessHandle.current().pid(), limitMib * 1024 * 1024)) {
            postgres.ensureDatabase("catalog");
            int port = freePort();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // The shell moves itself into the cgroup, then becomes the JVM, which so starts inside the limit.
            ProcessBuilder pb = new ProcessBuilder("sh", "-c", "echo $$ > '" + cgroup.procsFile() + "' && exec '" + java + "' "
                    + javaOpts + " -XshowSettings:vm -Djava.util.logging.manager=org.jboss.logmanager.LogManager -jar '" + jar + "'")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            pb.environment().put("CATALOG_DB_URL", postgres.jdbcUrl("catalog"));
            pb.environment().put("CATALOG_DB_USER", PostgresServer.USER);
            pb.environment().put("CATALOG_DB_PASSWORD", PostgresServer.PASSWORD);
            pb.environment().put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            pb.environment().put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", root.resolve("test-infra/src/main/resources/dev-keys/public.pem").toString());
            pb.environment().put("MP_JWT_VERIFY_ISSUER", DevToken.ISSUER);
            Process service = pb.start();
            try {
                String url = "http://localhost:" + port;
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .executor(Executors.newFixedThreadPool(16)).connectTimeout(Duration.ofSeconds(5)).build();
                awaitReady(http, url, service, log);
                String heap = heapTheJvmChose(log);
                long idleRss = rss(service.pid(), "VmRSS");
                Result load = load(http, url, rate, loadSeconds, bulk);
                long hwm = rss(service.pid(), "VmHWM");
                String md = report(limitMib, javaOpts, heap, idleRss, hwm, cgroup, service.isAlive(), load, rate, loadSeconds, bulk);
                Files.writeString(out, md);
                System.out.println(md);
                System.out.println("[bench] written to " + out + "; service log " + log);
            } finally {
                service.destroy();
                if (!service.waitFor(60, TimeUnit.SECONDS)) {
                    service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
        System.exit(0);
    }

    record Result(int created, Map<String, Integer> failures, int imported, int importStatus, double importSeconds) {
    }

    private static Result load(HttpClient http, String url, int rate, int seconds, int bulk) throws Exception {
        String token = "Bearer " + DevToken.mint("container-limit-bench", List.of("archivist"), Duration.ofHours(1));
        Iterator<String> documents = new ArchiveCorpus(7).documents().iterator();
        ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
        for (int i = 0; i < bulk; i++) {
            ndjson.write(documents.next().getBytes(StandardCharsets.UTF_8));
            ndjson.write('\n');
        }
        AtomicInteger created = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Map<String, Integer> failures = new ConcurrentSkipListMap<>();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        for (int i = 0; i < rate * seconds; i++) {
            String body = documents.next();
            ticker.schedule(() -> http.sendAsync(HttpRequest.newBuilder(URI.create(url + "/api/v1/documents"))
                            .header("Content-Type", "application/json").header("Authorization", token)
                            .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                        if (e == null && r.statusCode() == 201) {
                            created.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
                            failures.merge(e == null ? "HTTP " + r.statusCode() : cause.getClass().getSimpleName(), 1, Integer::sum);
                        }
                    }), i * (1_000_000_000L / rate), TimeUnit.NANOSECONDS);
        }
        long t0 = System.nanoTime();
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/documents/import?mode=ATOMIC"))
                .header("Content-Type", "application/x-ndjson").header("Authorization", token).timeout(Duration.ofMinutes(20))
                .POST(HttpRequest.BodyPublishers.ofByteArray(ndjson.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        double importSeconds = (System.nanoTime() - t0) / 1e9;
        ticker.shutdown();
        ticker.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (created.get() + failed.get() < rate * seconds && System.nanoTime() < deadline) {
            Thread.sleep(200); // the last scheduled creates are still answering
        }
        Matcher m = Pattern.compile("\"created\"\\s*:\\s*(\\d+)").matcher(imported.body());
        int unanswered = rate * seconds - created.get() - failed.get();
        if (unanswered > 0) {
            failures.put("no answer yet", unanswered);
        }
        return new Result(created.get(), failures, m.find() ? Integer.parseInt(m.group(1)) : 0, imported.statusCode(), importSeconds);
    }

    private static String report(long limitMib, String javaOpts, String heap, long idleRss, long hwm, MemoryCgroup cgroup,
                                 boolean alive, Result r, int rate, int seconds, int bulk) throws IOException {
        StringBuilder md = new StringBuilder("### catalog-service under a container memory limit\n\n");
        md.append(String.format("Measured %s; %s. catalog-service (packaged jar) in a %s memory cgroup limited to %d MiB, "
                        + "JVM options from its Dockerfile: `%s`; fresh PostgreSQL and Kafka outside the limit. Load: creates at %d/s "
                        + "for %d s while one ATOMIC import of %,d documents of the benchmark corpus runs.%n%n",
                Machine.describe(), Machine.busyProcesses(), cgroup.version(), limitMib, javaOpts, rate, seconds, bulk));
        Markdown t = new Markdown("what", "value");
        t.row("heap the JVM chose from the limit", heap);
        t.row("RSS idle after start", mb(idleRss));
        t.row("RSS peak (VmHWM) under the load", mb(hwm));
        t.row("cgroup peak charge (page cache included)", mb(cgroup.peakBytes()));
        t.row("cgroup limit", mb(cgroup.limitBytes()));
        t.row("OOM kills", Long.toString(cgroup.oomKills()));
        t.row("service alive at the end", alive ? "yes" : "NO");
        t.row("creates answered 201", String.format("%,d of %,d", r.created(), rate * seconds));
        t.row("creates that failed, by cause", r.failures().isEmpty() ? "none" : r.failures().toString());
        t.row("import", String.format("HTTP %d, %,d documents in %.1f s", r.importStatus(), r.imported(), r.importSeconds()));
        md.append(t);
        md.append(String.format("%nLoad average after: %s.%n", Machine.loadAverage()));
        return md.toString();
    }

    private static String mb(long bytes) {
        return String.format("%,d MiB", bytes / (1024 * 1024));
    }

    /** ENV JAVA_OPTS="..." of the Dockerfile: the options the image runs the service with. */
    static String imageJavaOpts(Path dockerfile) throws IOException {
        Matcher m = Pattern.compile("(?m)^ENV JAVA_OPTS=\"([^\"]*)\"").matcher(Files.readString(dockerfile));
        if (!m.find()) {
            throw new IllegalStateException(dockerfile + " sets no ENV JAVA_OPTS");
        }
        return m.group(1);
    }

    private static String heapTheJvmChose(Path log) throws IOException {
        Matcher m = Pattern.compile("Max\\. Heap Size \\(Estimated\\): (\\S+)").matcher(Files.readString(log));
        return m.find() ? m.group(1) : "?";
    }

    private static long rss(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IOException(field + " not in /proc/" + pid + "/status");
    }

    private static void awaitReady(HttpClient http, String url, Process service, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("catalog-service exited with " + service.exitValue() + "; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("catalog-service not ready after 3 minutes; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
