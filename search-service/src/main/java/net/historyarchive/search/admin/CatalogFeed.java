package net.historyarchive.search.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The catalog's side of the consistency check, read over its public HTTP API only (the same feed
 * any harvester reads): every document and deletion at its latest version.
 */
@ApplicationScoped
class CatalogFeed {

    /** One entry of the feed: a document or a deletion at its latest version. */
    record Change(UUID id, long version, boolean deleted) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 1000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    CatalogFeed(CatalogConfig config) {
        String url = config.url().toString();
        this.base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    /** Calls {@code each} for every change from the beginning of the feed up to its current end. */
    void forEach(Consumer<Change> each) throws IOException {
        String cursor = null;
        while (true) {
            String query = "?limit=" + PAGE + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> page = get("/api/v1/changes" + query);
            if (page.statusCode() != 200) {
                throw new CatalogUnavailable("The catalog's change feed answered " + page.statusCode());
            }
            JsonNode body = JSON.readTree(page.body());
            JsonNode changes = body.path("changes");
            for (JsonNode change : changes) {
                each.accept(new Change(UUID.fromString(change.path("id").asText()), change.path("version").asLong(),
                        "DELETE".equals(change.path("type").asText())));
            }
            if (changes.isEmpty()) {
                return;
            }
            cursor = body.path("nextCursor").asText();
        }
    }

    /** The document as the catalog holds it now; empty when it is deleted or unknown. */
    Optional<ObjectNode> document(UUID id) throws IOException {
        HttpResponse<String> response = get("/api/v1/documents/" + id);
        if (response.statusCode() == 200) {
            return Optional.of(withoutNulls((ObjectNode) JSON.readTree(response.body())));
        }
        if (response.statusCode() == 404 || response.statusCode() == 410) {
            return Optional.empty();
        }
        throw new CatalogUnavailable("The catalog answered " + response.statusCode() + " for document " + id);
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json").GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogUnavailable("Interrupted while reading the catalog");
        } catch (IOException e) {
            throw new CatalogUnavailable("The catalog at " + base + " cannot be reached: " + e.getMessage());
        }
    }

    /** The REST record writes absent optional fields as null; the event snapshots leave them out. */
    private static ObjectNode withoutNulls(ObjectNode document) {
        for (var fields = document.fields(); fields.hasNext(); ) {
            if (fields.next().getValue().isNull()) {
                fields.remove();
            }
        }
        return document;
    }

    static class CatalogUnavailable extends IOException {
        CatalogUnavailable(String message) {
            super(message);
        }
    }
}
