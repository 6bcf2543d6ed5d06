package net.historyarchive.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Loads the catalog's sample documents once: only while the catalog is still empty. */
final class SampleData {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String catalogUrl;

    SampleData(String catalogUrl) {
        this.catalogUrl = catalogUrl;
    }

    /** Returns a one-line report of what happened, for the console. */
    String loadIfEmpty(Path ndjson, String bearerToken) throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(catalogUrl + "/api/v1/documents?limit=1"))
                        .header("Accept", "application/json")
                        .timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            return "skipped: GET /api/v1/documents?limit=1 answered " + page.statusCode() + " " + page.body();
        }
        JsonNode items = new ObjectMapper().readTree(page.body()).path("items");
        if (!items.isArray()) {
            return "skipped: the answer of GET /api/v1/documents has no items array: " + page.body();
        }
        if (!items.isEmpty()) {
            return "skipped: the catalog already has documents";
        }
        if (!Files.isRegularFile(ndjson)) {
            return "skipped: " + ndjson + " does not exist";
        }
        HttpResponse<String> imported = http.send(
                HttpRequest.newBuilder(URI.create(catalogUrl + "/api/v1/documents/import"))
                        .header("Content-Type", "application/x-ndjson")
                        .header("Authorization", "Bearer " + bearerToken)
                        .timeout(Duration.ofMinutes(5))
                        .POST(HttpRequest.BodyPublishers.ofFile(ndjson)).build(),
                HttpResponse.BodyHandlers.ofString());
        return "POST /api/v1/documents/import -> " + imported.statusCode() + " " + imported.body();
    }
}
