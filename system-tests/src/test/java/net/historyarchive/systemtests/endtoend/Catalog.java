package net.historyarchive.systemtests.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.historyarchive.infra.DevToken;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** catalog-service's document API as an archivist uses it: every write names the version it is based on. */
final class Catalog {

    /** A document as the catalog last answered it: its id and version (= its ETag). */
    record Doc(UUID id, long version, String title) {
    }

    private final Http http = new Http();
    private final String base;
    private final String bearer;

    Catalog(int port) {
        this.base = "http://localhost:" + port + "/api/v1/documents";
        this.bearer = "Bearer " + DevToken.mint("system-test-archivist", List.of("archivist"), Duration.ofHours(1));
    }

    Doc create(String title) {
        return create(title, Map.of());
    }

    /** A create with more request headers (a client's traceparent, say). */
    Doc create(String title, Map<String, String> moreHeaders) {
        Map<String, String> headers = writeHeaders(null, "application/json");
        headers.putAll(moreHeaders);
        Http.Reply reply = http.send("POST", URI.create(base), headers, Http.json(body(title))).expect(201);
        return checked(reply, title, 1);
    }

    /** JSON merge patch of the title, If-Match the version we hold. */
    Doc patchTitle(Doc doc, String title) {
        Http.Reply reply = http.send("PATCH", uri(doc.id()), writeHeaders(doc, "application/merge-patch+json"),
                Http.json(Map.of("title", title))).expect(200);
        return checked(reply, title, doc.version() + 1);
    }

    /** PUT of a whole new record, If-Match the version we hold. */
    Doc replace(Doc doc, String title) {
        Http.Reply reply = http.send("PUT", uri(doc.id()), writeHeaders(doc, "application/json"), Http.json(body(title)))
                .expect(200);
        return checked(reply, title, doc.version() + 1);
    }

    void delete(Doc doc) {
        http.send("DELETE", uri(doc.id()), writeHeaders(doc, null), null).expect(204);
    }

    /** Raw write without a token or without If-Match, to see the catalog refuse it. */
    Http.Reply send(String method, URI uri, Map<String, String> headers, String body) {
        return http.send(method, uri, headers, body);
    }

    URI uri(UUID id) {
        return URI.create(base + "/" + id);
    }

    URI collectionUri() {
        return URI.create(base);
    }

    Http.Reply read(UUID id) {
        return http.get(uri(id));
    }

    /** Every document the catalog holds, id to version, following nextCursor. */
    Map<UUID, Long> all() {
        Map<UUID, Long> all = new LinkedHashMap<>();
        String cursor = null;
        for (int pages = 0; pages < 1000; pages++) {
            String query = "?limit=500" + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode page = http.get(URI.create(base + query)).expect(200).json();
            for (JsonNode item : page.path("items")) {
                Long previous = all.put(UUID.fromString(item.path("id").asText()), item.path("version").asLong());
                assertThat(previous).as("document %s listed twice", item.path("id").asText()).isNull();
            }
            JsonNode next = page.path("nextCursor");
            if (next.isMissingNode() || next.isNull()) {
                return all;
            }
            cursor = next.asText();
        }
        throw new AssertionError("catalog list did not end after 1000 pages");
    }

    private Map<String, String> writeHeaders(Doc basedOn, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", bearer);
        headers.put("Accept", "application/json");
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        if (basedOn != null) {
            headers.put("If-Match", "\"" + basedOn.version() + "\"");
        }
        return headers;
    }

    private static ObjectNode body(String title) {
        ObjectNode doc = Http.JSON.createObjectNode();
        doc.put("title", title);
        doc.put("summary", "Written by the end-to-end test to follow a change from the catalog to search.");
        doc.putObject("date").put("start", "1956-09-26").put("precision", "DAY");
        doc.put("documentType", "TELEGRAM");
        doc.putArray("languages").add("ru");
        doc.putArray("people").add("Ponomarev");
        doc.putArray("places").add("Pyongyang");
        return doc;
    }

    private static Doc checked(Http.Reply reply, String title, long expectedVersion) {
        JsonNode json = reply.json();
        long version = json.path("version").asLong(-1);
        assertThat(version).as("version after %s %s: %s", reply.method(), reply.uri(), reply).isEqualTo(expectedVersion);
        assertThat(reply.etag()).as("ETag of %s %s", reply.method(), reply.uri()).isEqualTo("\"" + version + "\"");
        assertThat(json.path("title").asText()).isEqualTo(title);
        return new Doc(UUID.fromString(json.path("id").asText()), version, title);
    }
}
