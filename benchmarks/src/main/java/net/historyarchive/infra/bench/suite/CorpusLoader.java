package net.historyarchive.infra.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import net.historyarchive.infra.bench.corpus.ArchiveCorpus;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * Brings a stack to N documents of the benchmark corpus (documents 0..N-1 of a seed) through the
 * catalog's bulk import, in parts of at most {@code partSize} documents (one import takes at most
 * 1,000,000 lines and 512 MiB), then waits until search-service has applied all of them. Which
 * corpus documents a stack holds is kept in {@code DATA/corpus-loaded.properties}, so a stack at
 * 100,000 can be topped up to 1,000,000 with documents 100,000..999,999; the ids the catalog gave
 * them, in corpus order, in {@code DATA/corpus-ids.txt} (the relevance benchmark looks its known
 * items up there).
 */
public final class CorpusLoader {

    private static final String FILE = "corpus-loaded.properties";
    private static final String IDS = "corpus-ids.txt";
    private static final Duration STALL = Duration.ofMinutes(5);

    /** @param importNanos per part, request sent to answer (committed) */
    /** @param deadLettered documents of this load that search-service sent to its dead-letter topic instead of the view */
    public record Load(long documents, long startNanos, long importedNanos, long searchableNanos, List<Long> importNanos,
                       long deadLettered, List<String> progress) {
        public double importSeconds() {
            return (importedNanos - startNanos) / 1e9;
        }

        public double endToEndSeconds() {
            return (searchableNanos - startNanos) / 1e9;
        }
    }

    private final StackInfo stack;
    private final Path data;
    private final long seed;
    private final HttpClient http = Http.client();
    private final OpenSearchNode openSearch;

    public CorpusLoader(StackInfo stack, Path data, long seed) {
        this.stack = stack;
        this.data = data;
        this.seed = seed;
        this.openSearch = new OpenSearchNode(stack.openSearchUrl(), http);
    }

    /** How many corpus documents this stack holds (0 for a fresh one). */
    public long loaded() throws IOException, SQLException {
        Path file = data.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            long inCatalog = catalogCount();
            if (inCatalog != 0) {
                throw new IllegalStateException("the catalog on " + data + " holds " + inCatalog
                        + " documents that this benchmark did not load; use a fresh --data directory");
            }
            return 0;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        if (Long.parseLong(p.getProperty("seed")) != seed) {
            throw new IllegalStateException(data + " holds the corpus of seed " + p.getProperty("seed") + ", not " + seed);
        }
        return Long.parseLong(p.getProperty("documents"));
    }

    private void markLoaded(long documents) throws IOException {
        Properties p = new Properties();
        p.setProperty("seed", Long.toString(seed));
        p.setProperty("documents", Long.toString(documents));
        try (Writer w = Files.newBufferedWriter(data.resolve(FILE))) {
            p.store(w, "corpus documents 0..documents-1 of this seed are in this stack");
        }
    }

    /** Writes the NDJSON parts for documents {@code from..to-1} that are not on disk yet (untimed). */
    public List<Path> prepare(long from, long to, int partSize) throws IOException {
        Path dir = data.resolve("corpus");
        Files.createDirectories(dir);
        ArchiveCorpus corpus = new ArchiveCorpus(seed);
        List<Path> parts = new ArrayList<>();
        for (long first = from; first < to; first += partSize) {
            long count = Math.min(partSize, to - first);
            Path part = dir.resolve(String.format("seed%d-%09d-%d.ndjson", seed, first, count));
            if (!Files.isRegularFile(part)) {
                Path tmp = dir.resolve(part.getFileName() + ".tmp");
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
                    corpus.writeNdjson(out, first, count, Runtime.getRuntime().availableProcessors());
                }
                Files.move(tmp, part, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            parts.add(part);
        }
        return parts;
    }

    private void appendIds(JsonNode ids) throws IOException {
        StringBuilder lines = new StringBuilder();
        ids.forEach(id -> lines.append(id.asText()).append('\n'));
        Files.writeString(data.resolve(IDS), lines, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /** The catalog's ids of corpus documents 0..loaded()-1, in corpus order. */
    public List<UUID> ids() throws IOException, SQLException {
        Path file = data.resolve(IDS);
        List<UUID> ids = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            try (var lines = Files.lines(file)) {
                lines.filter(l -> !l.isBlank()).forEach(l -> ids.add(UUID.fromString(l.trim())));
            }
        }
        if (ids.size() != loaded()) {
            throw new IllegalStateException(file + " lists " + ids.size() + " ids for " + loaded()
                    + " corpus documents (a stack loaded by an older benchmark build?); use a fresh --data directory");
        }
        return ids;
    }

    /**
     * Imports documents {@code loaded()..target-1} and waits until search-service holds them all.
     *
     * @return null when the stack already holds {@code target} documents
     */
    public Load loadUpTo(long target, int partSize) throws Exception {
        long have = loaded();
        if (have > target) {
            throw new IllegalStateException("the stack on " + data + " already holds " + have + " documents, more than "
                    + target + "; use another --data directory for a smaller corpus");
        }
        if (have == target) {
            return null;
        }
        System.out.printf("[bench] preparing documents %,d..%,d of the corpus (seed %d)%n", have, target - 1, seed);
        List<Path> parts = prepare(have, target, partSize);
        long baseline = viewCount();
        long expected = baseline + (target - have);
        long deadBefore = deadLettered();
        String token = Http.archivistToken();
        List<String> progress = new ArrayList<>();
        List<Long> importNanos = new ArrayList<>();
        System.out.printf("[bench] importing %,d documents in %d part(s)%n", target - have, parts.size());
        long start = System.nanoTime();
        long done = have;
        for (Path part : parts) {
            long sent = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(stack.catalogUrl() + "/api/v1/documents/import"))
                    .header("Content-Type", "application/x-ndjson").header("Authorization", token)
                    .timeout(Duration.ofMinutes(60)).POST(HttpRequest.BodyPublishers.ofFile(part)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("import of " + part + " failed: HTTP " + r.statusCode() + " " + Http.abbreviate(r.body()));
            }
            importNanos.add(System.nanoTime() - sent);
            JsonNode report = Http.JSON.readTree(r.body());
            done += report.path("created").asLong();
            appendIds(report.path("ids"));
            markLoaded(done);
            String line = String.format("%6.1f s: part %s imported (%,d documents in %.1f s); view %,d of %,d", (System.nanoTime() - start) / 1e9,
                    part.getFileName(), report.path("created").asLong(), importNanos.get(importNanos.size() - 1) / 1e9,
                    viewCount(), expected);
            progress.add(line);
            System.out.println("[bench] " + line);
        }
        long imported = System.nanoTime();
        long searchable = awaitViewCount(expected, deadBefore, start, progress);
        return new Load(target - have, start, imported, searchable, importNanos, deadLettered() - deadBefore, progress);
    }

    /**
     * Waits until search-service reports no consumer lag and its view holds {@code expected} live
     * documents, less those it dead-lettered since its counter stood at {@code deadBefore}.
     *
     * @return System.nanoTime() when that was first seen
     */
    public long awaitViewCount(long expected, long deadBefore, long start, List<String> progress) throws Exception {
        long lastReport = System.nanoTime();
        long lastCount = -1;
        long lastChange = System.nanoTime();
        while (true) {
            long lag = Http.searchLag(http, stack.searchUrl());
            if (lag == 0) {
                long now = System.nanoTime();
                long count = viewCount();
                long dead = deadLettered() - deadBefore;
                if (count + dead >= expected) {
                    String line = String.format("%6.1f s: all applied: %,d documents searchable%s", (now - start) / 1e9, count,
                            dead > 0 ? String.format(", %,d dead-lettered by search-service", dead) : "");
                    progress.add(line);
                    System.out.println("[bench] " + line);
                    return now;
                }
            }
            if (System.nanoTime() - lastReport > 15e9) {
                lastReport = System.nanoTime();
                long count = viewCount();
                if (count != lastCount) {
                    lastCount = count;
                    lastChange = lastReport;
                } else if (lastReport - lastChange > STALL.toNanos()) {
                    throw new IllegalStateException("search-service's view has stayed at " + count + " of " + expected
                            + " documents for " + STALL.toMinutes() + " minutes (consumer lag " + lag + "); see its log");
                }
                String line = String.format("%6.1f s: view %,d of %,d, consumer lag %,d", (lastReport - start) / 1e9, count, expected, lag);
                progress.add(line);
                System.out.println("[bench] " + line);
            }
            Thread.sleep(250);
        }
    }

    /** Events search-service has dead-lettered since it started (its freshness endpoint). */
    public long deadLettered() throws Exception {
        return Http.getJson(http, stack.searchUrl() + "/api/v1/freshness").path("deadLettered").asLong();
    }

    /** Live documents in search-service's view (read from OpenSearch directly). */
    public long viewCount() throws IOException, InterruptedException {
        return openSearch.liveDocuments();
    }

    private long catalogCount() throws SQLException {
        return count(stack.jdbcUrl("catalog"), "SELECT count(*) FROM document");
    }

    static long count(String jdbc, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
