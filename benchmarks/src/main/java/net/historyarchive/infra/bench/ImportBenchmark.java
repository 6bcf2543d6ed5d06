package net.historyarchive.infra.bench;

import net.historyarchive.infra.DevToken;
import net.historyarchive.infra.bench.corpus.ArchiveCorpus;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Measures the catalog's bulk import: generates N documents of the archive corpus
 * ({@link ArchiveCorpus}), sends them as one NDJSON request (ATOMIC mode) to a running catalog and
 * reports documents per second. The import takes at most 1,000,000 lines and 512 MiB per request
 * (about 240,000 corpus documents).
 *
 * <pre>java -cp ... net.historyarchive.infra.bench.ImportBenchmark [count=100000] [url=http://localhost:18080] [seed=42]</pre>
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        String base = args.length > 1 ? args[1] : "http://localhost:18080";
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;

        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(count * 2200L, 1 << 30));
        new ArchiveCorpus(seed).writeNdjson(body, 0, count, Runtime.getRuntime().availableProcessors());
        byte[] bytes = body.toByteArray();
        String token = DevToken.mint("import-benchmark", List.of("archivist"), Duration.ofHours(1));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/documents/import"))
                .header("Content-Type", "application/x-ndjson")
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        long started = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - started) / 1e9;
        if (response.statusCode() != 200) {
            System.err.println("Import failed: HTTP " + response.statusCode() + "\n"
                    + response.body().substring(0, Math.min(2000, response.body().length())));
            System.exit(1);
        }
        System.out.printf("Imported %,d documents (%,d MB of NDJSON) in %.1f s: %,.0f documents/s%n",
                count, bytes.length / 1_000_000, seconds, count / seconds);
    }
}
