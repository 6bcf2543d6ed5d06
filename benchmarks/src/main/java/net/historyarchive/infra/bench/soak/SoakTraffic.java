package net.historyarchive.infra.bench.soak;

import com.fasterxml.jackson.databind.JsonNode;
import net.historyarchive.infra.bench.suite.Http;
import net.historyarchive.infra.bench.suite.StackInfo;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The soak's mix of archive traffic, one operation per call: searches and document reads on
 * search-service, document reads on the catalog, and creates, title updates (with If-Match) and
 * deletes through the catalog API. A document is used by one operation at a time (taken from the
 * idle queue and put back), so concurrent operations never race for the same version: a 412 or a
 * 404 is a real error, not the benchmark's own doing.
 */
final class SoakTraffic {

    /** What an operation did, for the per-minute figures. */
    enum Kind { SEARCH, READ, WRITE }

    record Outcome(Kind kind, long nanos, String error) {
    }

    private static final List<String> WORDS = List.of("telegram", "memorandum", "minutes", "treaty", "report",
            "letter", "Budapest", "Moscow", "committee", "embassy", "1956", "ministry", "council", "press");

    private final HttpClient http;
    private final String catalog;
    private final String search;
    private final String token = Http.archivistToken();
    private final Queue<UUID> idle = new ConcurrentLinkedQueue<>();
    private final Map<UUID, Long> versions = new ConcurrentHashMap<>();

    SoakTraffic(HttpClient http, StackInfo stack) {
        this.http = http;
        this.catalog = stack.catalogUrl() + "/api/v1/documents";
        this.search = stack.searchUrl();
    }

    /** Documents the soak created and has not deleted: they are its to update and delete. */
    int ownDocuments() {
        return versions.size();
    }

    java.util.Set<UUID> ownDocumentIds() {
        return java.util.Set.copyOf(versions.keySet());
    }

    /** One operation chosen by {@code dice} (0..1): 45 % search, 25 % reads, 15 % creates, 10 % updates, 5 % deletes. */
    Outcome run(double dice, Random random) {
        long start = System.nanoTime();
        try {
            if (dice < 0.45) {
                return outcome(Kind.SEARCH, start, expect(get(search + "/api/v1/search?q="
                        + URLEncoder.encode(WORDS.get(random.nextInt(WORDS.size())), StandardCharsets.UTF_8)), 200));
            }
            if (dice < 0.70) {
                return read(start, random);
            }
            UUID id = dice < 0.85 || idle.size() < 20 ? null : idle.poll(); // keep a working set of 20
            if (id == null) {
                return create(start, random);
            }
            return dice < 0.95 ? update(start, id, random) : delete(start, id);
        } catch (Exception e) {
            return new Outcome(dice < 0.45 ? Kind.SEARCH : dice < 0.70 ? Kind.READ : Kind.WRITE, System.nanoTime() - start,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Outcome read(long start, Random random) throws Exception {
        UUID id = idle.poll();
        if (id == null) {
            return outcome(Kind.READ, start, expect(get(search + "/api/v1/search?q=archive"), 200));
        }
        try {
            // Alternate the catalog's record and search-service's view of it; a fresh document may
            // not be in the view yet, so the view's 404 is not counted as an error.
            if (random.nextBoolean()) {
                return outcome(Kind.READ, start, expect(get(catalog + "/" + id), 200));
            }
            HttpResponse<String> view = get(search + "/api/v1/documents/" + id);
            return outcome(Kind.READ, start, view.statusCode() == 404 ? null : expect(view, 200));
        } finally {
            idle.add(id);
        }
    }

    private Outcome create(long start, Random random) throws Exception {
        String body = "{\"title\":\"Soak " + WORDS.get(random.nextInt(WORDS.size())) + " " + Long.toString(random.nextLong() & Long.MAX_VALUE, 36)
                + "\",\"summary\":\"Written by the soak benchmark.\",\"documentType\":\"TELEGRAM\",\"languages\":[\"en\"],"
                + "\"date\":{\"start\":\"1956-10-23\",\"precision\":\"DAY\"}}";
        HttpResponse<String> reply = send(HttpRequest.newBuilder(URI.create(catalog)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        String error = expect(reply, 201);
        if (error == null) {
            JsonNode doc = Http.JSON.readTree(reply.body());
            UUID id = UUID.fromString(doc.path("id").asText());
            versions.put(id, doc.path("version").asLong());
            idle.add(id);
        }
        return outcome(Kind.WRITE, start, error);
    }

    private Outcome update(long start, UUID id, Random random) throws Exception {
        String body = "{\"title\":\"Soak update " + Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + "\"}";
        HttpResponse<String> reply = send(HttpRequest.newBuilder(URI.create(catalog + "/" + id))
                .header("Content-Type", "application/merge-patch+json").header("If-Match", "\"" + versions.get(id) + "\"")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
        String error = expect(reply, 200);
        if (error == null) {
            versions.put(id, Http.JSON.readTree(reply.body()).path("version").asLong());
        }
        idle.add(id);
        return outcome(Kind.WRITE, start, error);
    }

    private Outcome delete(long start, UUID id) throws Exception {
        HttpResponse<String> reply = send(HttpRequest.newBuilder(URI.create(catalog + "/" + id))
                .header("If-Match", "\"" + versions.get(id) + "\"").DELETE());
        String error = expect(reply, 204);
        if (error == null) {
            versions.remove(id);
        } else {
            idle.add(id);
        }
        return outcome(Kind.WRITE, start, error);
    }

    /** Deletes what the soak created (best effort), so a soak leaves the stack as it found it. */
    int deleteOwnDocuments() {
        int deleted = 0;
        for (UUID id : ownDocumentIds()) {
            try {
                if (send(HttpRequest.newBuilder(URI.create(catalog + "/" + id)).header("If-Match", "\"" + versions.get(id) + "\"")
                        .DELETE()).statusCode() == 204) {
                    versions.remove(id);
                    deleted++;
                }
            } catch (Exception e) {
                // left behind; the report says how many
            }
        }
        return deleted;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).header("Authorization", token)
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String expect(HttpResponse<String> reply, int status) {
        return reply.statusCode() == status ? null
                : reply.request().method() + " " + reply.uri().getPath() + ": HTTP " + reply.statusCode() + " " + Http.abbreviate(reply.body());
    }

    private static Outcome outcome(Kind kind, long start, String error) {
        return new Outcome(kind, System.nanoTime() - start, error);
    }
}
