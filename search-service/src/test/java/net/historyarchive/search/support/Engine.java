package net.historyarchive.search.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.historyarchive.infra.ArchiveInfraResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The test's own line to the OpenSearch node, to look behind the API or to plant what no event sent. */
public final class Engine {

    public static final String ALIAS = "archive-documents";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Engine() {
    }

    public static JsonNode get(String path) {
        return send("GET", path, null);
    }

    public static JsonNode put(String path, String body) {
        return send("PUT", path, body);
    }

    public static JsonNode post(String path, String body) {
        return send("POST", path, body);
    }

    public static JsonNode delete(String path) {
        return send("DELETE", path, null);
    }

    /** The index the alias points at. */
    public static String liveIndex() {
        return get("/_alias/" + ALIAS).fieldNames().next();
    }

    private static JsonNode send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ArchiveInfraResource.openSearchUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
