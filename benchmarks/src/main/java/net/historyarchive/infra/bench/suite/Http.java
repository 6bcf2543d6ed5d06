package net.historyarchive.infra.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.historyarchive.infra.DevToken;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** The HTTP client and JSON reader the benchmarks share. */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper();

    private Http() {
    }

    public static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static String archivistToken() {
        return "Bearer " + DevToken.mint("benchmark", List.of("archivist"), Duration.ofHours(12));
    }

    public static String adminToken() {
        return "Bearer " + DevToken.mint("benchmark-admin", List.of("archive-admin"), Duration.ofHours(12));
    }

    public static JsonNode getJson(HttpClient http, String url) throws IOException, InterruptedException {
        return getJson(http, url, null);
    }

    /** GET with an Authorization header (null: none), expecting 200 and JSON. */
    public static JsonNode getJson(HttpClient http, String url, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + url + ": HTTP " + r.statusCode() + " " + abbreviate(r.body()));
        }
        return JSON.readTree(r.body());
    }

    /** Consumer lag reported by search-service's freshness endpoint (-1 while unknown). */
    public static long searchLag(HttpClient http, String searchUrl) throws IOException, InterruptedException {
        return getJson(http, searchUrl + "/api/v1/freshness").path("consumerLag").asLong(-1);
    }

    public static String abbreviate(String s) {
        return s == null ? "" : s.length() > 500 ? s.substring(0, 500) + "…" : s;
    }

    /** The innermost cause of a failed request, for counting failures by cause. */
    public static String rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
