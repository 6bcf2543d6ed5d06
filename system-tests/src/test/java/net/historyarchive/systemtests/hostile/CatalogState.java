package net.historyarchive.systemtests.hostile;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the catalog holds, read through its public API: every document and collection (id to
 * version) and the change feed (id to its latest change, which is what the outbox publishes).
 * Two snapshots show which records changed in between.
 */
record CatalogState(Map<String, Long> documents, Map<String, Long> collections, Map<String, String> changes) {

    static CatalogState read(URI catalog) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        return new CatalogState(
                versions(client, catalog, "/api/v1/documents", "items", 500),
                versions(client, catalog, "/api/v1/collections", "items", 500),
                changes(client, catalog));
    }

    /** Ids whose document, collection or change-feed entry differs between the two snapshots. */
    Set<String> changedSince(CatalogState before) {
        Set<String> changed = new TreeSet<>();
        diff(before.documents, documents, changed);
        diff(before.collections, collections, changed);
        diff(before.changes, changes, changed);
        return changed;
    }

    private static <V> void diff(Map<String, V> a, Map<String, V> b, Set<String> out) {
        Set<String> ids = new TreeSet<>(a.keySet());
        ids.addAll(b.keySet());
        for (String id : ids) {
            if (!Objects.equals(a.get(id), b.get(id))) {
                out.add(id);
            }
        }
    }

    private static Map<String, Long> versions(HttpClient client, URI catalog, String path, String listField, int limit)
            throws IOException, InterruptedException {
        Map<String, Long> all = new HashMap<>();
        String cursor = null;
        do {
            JsonNode page = get(client, catalog.resolve(path + "?limit=" + limit + cursorParameter(cursor)));
            for (JsonNode item : page.path(listField)) {
                all.put(item.path("id").asText(), item.path("version").asLong());
            }
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return all;
    }

    private static Map<String, String> changes(HttpClient client, URI catalog) throws IOException, InterruptedException {
        Map<String, String> all = new HashMap<>();
        String cursor = null;
        while (true) {
            JsonNode page = get(client, catalog.resolve("/api/v1/changes?limit=1000" + cursorParameter(cursor)));
            for (JsonNode change : page.path("changes")) {
                all.put(change.path("id").asText(), change.path("type").asText() + " " + change.path("version").asLong());
            }
            String next = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
            if (page.path("changes").isEmpty() || next == null || next.equals(cursor)) {
                return all;
            }
            cursor = next;
        }
    }

    private static String cursorParameter(String cursor) {
        return cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    }

    private static JsonNode get(HttpClient client, URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return OpenApi.JSON.readTree(response.body());
    }
}
