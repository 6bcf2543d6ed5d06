package net.historyarchive.infra.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The benchmark stack's OpenSearch node, read directly (never through search-service): how many
 * live documents search-service's view holds, which index generation serves, which documents are
 * searchable yet. The view is the alias {@value #VIEW} (search-service's default
 * {@code archive.opensearch.index-prefix}); a deleted document is a tombstone with {@code deleted: true}.
 */
public final class OpenSearchNode {

    public static final String VIEW = "archive-documents";
    private static final JsonNode LIVE = Http.JSON.createObjectNode().set("term", Http.JSON.createObjectNode().put("deleted", false));

    private final String url;
    private final HttpClient http;

    public OpenSearchNode(String url) {
        this(url, Http.client());
    }

    public OpenSearchNode(String url, HttpClient http) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.http = http;
    }

    public String url() {
        return url;
    }

    /** Live (not deleted) documents in the view, as searches see them (after the last refresh). */
    public long liveDocuments() throws IOException, InterruptedException {
        ObjectNode body = Http.JSON.createObjectNode();
        body.set("query", LIVE);
        return send("POST", "/" + VIEW + "/_count", body).path("count").asLong();
    }

    /** Ids and versions of at most {@code max} live documents of the view (for diagnostics: which documents are there). */
    public Map<UUID, Long> liveVersions(int max) throws IOException, InterruptedException {
        ObjectNode body = Http.JSON.createObjectNode().put("size", max).put("_source", false).put("version", true);
        body.set("query", LIVE);
        Map<UUID, Long> found = new LinkedHashMap<>();
        send("POST", "/" + VIEW + "/_search", body).path("hits").path("hits")
                .forEach(h -> found.put(UUID.fromString(h.path("_id").asText()), h.path("_version").asLong()));
        return found;
    }

    /** The index generation the view's alias points at, or null when there is none yet. */
    public String liveIndex() throws IOException, InterruptedException {
        JsonNode aliases = send("GET", "/_alias/" + VIEW, null);
        Iterator<String> names = aliases.fieldNames();
        return names.hasNext() ? names.next() : null;
    }

    /** Which of {@code ids} (at most 10,000) a search of the view finds now (live documents only). */
    public Set<UUID> searchable(Collection<UUID> ids) throws IOException, InterruptedException {
        ObjectNode body = Http.JSON.createObjectNode().put("size", ids.size()).put("_source", false);
        body.set("query", liveWithIds(ids));
        Set<UUID> found = new HashSet<>();
        send("POST", "/" + VIEW + "/_search", body).path("hits").path("hits").forEach(h -> found.add(UUID.fromString(h.path("_id").asText())));
        return found;
    }

    /** How many of {@code ids} a search of the view finds now (live documents only). */
    public long countSearchable(Collection<UUID> ids) throws IOException, InterruptedException {
        ObjectNode body = Http.JSON.createObjectNode();
        body.set("query", liveWithIds(ids));
        return send("POST", "/" + VIEW + "/_count", body).path("count").asLong();
    }

    private static ObjectNode liveWithIds(Collection<UUID> ids) {
        ObjectNode query = Http.JSON.createObjectNode();
        var filter = query.putObject("bool").putArray("filter");
        var values = filter.addObject().putObject("ids").putArray("values");
        ids.forEach(id -> values.add(id.toString()));
        filter.add(LIVE);
        return query;
    }

    /**
     * One request to the node; a 404 answers an empty JSON object (no such index or alias yet).
     *
     * @param body null for none
     */
    public JsonNode send(String method, String path, JsonNode body) throws IOException, InterruptedException {
        HttpResponse<String> r = sendRaw(method, path, body == null ? null : Http.JSON.writeValueAsString(body), "application/json");
        if (r.statusCode() == 404) {
            return Http.JSON.createObjectNode();
        }
        if (r.statusCode() / 100 != 2) {
            throw new IOException(method + " " + path + ": HTTP " + r.statusCode() + " " + Http.abbreviate(r.body()));
        }
        return Http.JSON.readTree(r.body());
    }

    /** A request with a body as it is (e.g. NDJSON for _bulk); no status check. */
    public HttpResponse<String> sendRaw(String method, String path, String body, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofMinutes(5));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
