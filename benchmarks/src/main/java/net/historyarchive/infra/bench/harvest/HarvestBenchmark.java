package net.historyarchive.infra.bench.harvest;

import net.historyarchive.infra.KafkaBroker;
import net.historyarchive.infra.PostgresServer;
import net.historyarchive.infra.bench.corpus.ArchiveCorpus;
import net.historyarchive.infra.bench.suite.Cli;
import net.historyarchive.infra.bench.suite.Http;
import net.historyarchive.infra.bench.suite.Rss;
import net.historyarchive.infra.ChildService;
import net.historyarchive.infra.bench.suite.StackInfo;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./archive bench harvest [--documents N] [--part 100000] [--data DIR]}: loads N corpus
 * documents into a catalog of its own (PostgreSQL, Kafka and catalog-service only: no
 * search-service competing for the CPU), then measures an OAI-PMH harvest of every record
 * (ListRecords, oai_dc, following resumption tokens) and a full export (GET
 * /api/v1/admin/export), each as records per second and the catalog's peak resident memory.
 */
public final class HarvestBenchmark {

    private static final Pattern TOKEN = Pattern.compile("<resumptionToken[^>]*>([^<]+)</resumptionToken>");
    private static final Pattern RECORD = Pattern.compile("<record>");

    private HarvestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Cli cli = Cli.parse(args, Set.of());
        Path root = Path.of(System.getProperty("archive.root", ".")).toAbsolutePath().normalize();
        long documents = cli.integers("documents", List.of(1_000_000)).get(0);
        int partSize = cli.integers("part", List.of(100_000)).get(0);
        Path data = cli.path("data", root.resolve(".archive-data/bench-harvest"));
        cli.rejectUnknown();
        Files.createDirectories(data.resolve("logs"));

        try (PostgresServer postgres = PostgresServer.startTemporary(); KafkaBroker kafka = KafkaBroker.startTemporary()) {
            postgres.ensureDatabase("catalog");
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            StackInfo env = new StackInfo(root, postgres.port(), kafka.bootstrapServers(), null, null, null, -1, -1, List.of());
            try (ChildService catalog = new ChildService("catalog-service", port, data.resolve("logs/catalog-service.log"))) {
                catalog.start(env.catalogJar(), List.of(), env.catalogEnv(port));
                catalog.awaitAnswer("/q/health/live", Duration.ofMinutes(5));
                HttpClient http = Http.client();
                load(http, catalog.url(), data, documents, partSize);
                System.out.printf("[bench] catalog RSS after the import: %s%n", Rss.mb(Rss.bytes(catalog.pid())));
                harvest(http, catalog);
                export(http, catalog);
            }
        }
    }

    private static void load(HttpClient http, String catalogUrl, Path data, long documents, int partSize) throws Exception {
        ArchiveCorpus corpus = new ArchiveCorpus(42);
        Path dir = data.resolve("corpus");
        Files.createDirectories(dir);
        long start = System.nanoTime();
        for (long first = 0; first < documents; first += partSize) {
            long count = Math.min(partSize, documents - first);
            Path part = dir.resolve(String.format("seed42-%09d-%d.ndjson", first, count));
            if (!Files.isRegularFile(part)) {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 1 << 20)) {
                    corpus.writeNdjson(out, first, count, Runtime.getRuntime().availableProcessors());
                }
            }
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(catalogUrl + "/api/v1/documents/import"))
                    .header("Content-Type", "application/x-ndjson").header("Authorization", Http.archivistToken())
                    .timeout(Duration.ofMinutes(60)).POST(HttpRequest.BodyPublishers.ofFile(part)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("import failed: HTTP " + r.statusCode() + " " + Http.abbreviate(r.body()));
            }
            System.out.printf("[bench] %,d documents imported (%.0f s)%n", first + count, (System.nanoTime() - start) / 1e9);
        }
    }

    private static void harvest(HttpClient http, ChildService catalog) throws Exception {
        String base = catalog.url() + "/oai";
        long records = 0;
        long pages = 0;
        long firstPageNanos = 0;
        long start = System.nanoTime();
        try (Rss.PeakSampler rss = new Rss.PeakSampler(catalog.pid(), 200)) {
            String query = "?verb=ListRecords&metadataPrefix=oai_dc";
            while (query != null) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + query))
                        .timeout(Duration.ofMinutes(30)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("harvest failed: HTTP " + r.statusCode());
                }
                if (pages++ == 0) {
                    firstPageNanos = System.nanoTime() - start;
                }
                Matcher m = RECORD.matcher(r.body());
                while (m.find()) {
                    records++;
                }
                Matcher token = TOKEN.matcher(r.body());
                query = token.find() ? "?verb=ListRecords&resumptionToken=" + token.group(1) : null;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("[bench] HARVEST: %,d records in %,d pages, %.1f s, %,.0f records/s; first page %.1f s "
                            + "(gives every record its datestamp); catalog peak RSS %s%n",
                    records, pages, seconds, records / seconds, firstPageNanos / 1e9, Rss.mb(rss.peak()));
        }
        // A second harvest: the datestamps exist already, as for every harvest after the first.
        long again = 0;
        start = System.nanoTime();
        try (Rss.PeakSampler rss = new Rss.PeakSampler(catalog.pid(), 200)) {
            String query = "?verb=ListRecords&metadataPrefix=oai_dc";
            while (query != null) {
                String body = http.send(HttpRequest.newBuilder(URI.create(base + query)).timeout(Duration.ofMinutes(30)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = RECORD.matcher(body);
                while (m.find()) {
                    again++;
                }
                Matcher token = TOKEN.matcher(body);
                query = token.find() ? "?verb=ListRecords&resumptionToken=" + token.group(1) : null;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("[bench] HARVEST (again): %,d records, %.1f s, %,.0f records/s; catalog peak RSS %s%n",
                    again, seconds, again / seconds, Rss.mb(rss.peak()));
        }
    }

    private static void export(HttpClient http, ChildService catalog) throws Exception {
        long start = System.nanoTime();
        long lines = 0;
        long bytes = 0;
        try (Rss.PeakSampler rss = new Rss.PeakSampler(catalog.pid(), 200)) {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(catalog.url() + "/api/v1/admin/export"))
                    .header("Authorization", Http.adminToken()).timeout(Duration.ofMinutes(60)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8), 1 << 20)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines++;
                    bytes += line.length() + 1;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("[bench] EXPORT: %,d lines (%,d MB), %.1f s, %,.0f lines/s; catalog peak RSS %s%n",
                    lines, bytes / 1_000_000, seconds, lines / seconds, Rss.mb(rss.peak()));
        }
    }
}
