package net.historyarchive.infra.bench;

import net.historyarchive.infra.DevToken;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Measures the catalog's bulk import: generates N synthetic documents, sends them as one NDJSON
 * request (ATOMIC mode) to a running catalog and reports documents per second.
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

        SyntheticDocuments documents = new SyntheticDocuments(seed);
        ByteArrayOutputStream body = new ByteArrayOutputStream(count * 700);
        for (int i = 0; i < count; i++) {
            body.write(documents.nextLine().getBytes(StandardCharsets.UTF_8));
            body.write('\n');
        }
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
