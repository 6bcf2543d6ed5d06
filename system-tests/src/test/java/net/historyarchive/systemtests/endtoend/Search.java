package net.historyarchive.systemtests.endtoend;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** search-service as a reader uses it: the search API and a document's view. */
final class Search {

    /** One page of a search: the hits as id to version, and the total as the service reports it. */
    record Page(Map<UUID, Long> hits, long total, String relation, String nextCursor) {
    }

    private final Http http = new Http();
    private final String base;

    Search(int port) {
        this.base = "http://localhost:" + port + "/api/v1";
    }

    /** {@code GET /search?q=text&size=100}: the first page of hits for a query. */
    Page search(String text) {
        return page("q=" + encode(text) + "&size=100&facets=none");
    }

    /** Every document the search view shows, id to version: browsing without a query, following nextCursor. */
    Map<UUID, Long> browseAll() {
        Map<UUID, Long> all = new LinkedHashMap<>();
        String cursor = null;
        Long firstTotal = null;
        for (int pages = 0; pages < 1000; pages++) {
            Page page = page("size=100&sort=date-asc&facets=none" + (cursor == null ? "" : "&cursor=" + encode(cursor)));
            if (firstTotal == null) {
                firstTotal = page.total();
                assertThat(page.relation()).as("browse total relation").isEqualTo("eq");
            }
            page.hits().forEach((id, version) ->
                    assertThat(all.put(id, version)).as("document %s shown twice while browsing", id).isNull());
            if (page.nextCursor() == null) {
                assertThat((long) all.size()).as("hits collected over all pages vs. the total of the first page")
                        .isEqualTo(firstTotal);
                return all;
            }
            cursor = page.nextCursor();
        }
        throw new AssertionError("browsing did not end after 1000 pages");
    }

    /** The version in {@code GET /documents/{id}}, or empty on 404 (not in the view). */
    OptionalLong viewVersion(UUID id) {
        Http.Reply reply = http.get(URI.create(base + "/documents/" + id));
        if (reply.status() == 404) {
            assertThat(reply.contentType()).as("404 of %s", reply.uri()).startsWith("application/problem+json");
            return OptionalLong.empty();
        }
        JsonNode json = reply.expect(200).json();
        assertThat(json.path("id").asText()).isEqualTo(id.toString());
        return OptionalLong.of(json.path("version").asLong());
    }

    JsonNode freshness() {
        return http.get(URI.create(base + "/freshness")).expect(200).json();
    }

    private Page page(String query) {
        Http.Reply reply = http.get(URI.create(base + "/search?" + query)).expect(200);
        assertThat(reply.contentType()).as("content type of %s", reply.uri()).startsWith("application/json");
        JsonNode json = reply.json();
        Map<UUID, Long> hits = new LinkedHashMap<>();
        for (JsonNode hit : json.path("hits")) {
            UUID id = UUID.fromString(hit.path("id").asText());
            assertThat(hit.path("version").isIntegralNumber()).as("version of hit %s in %s", id, reply).isTrue();
            hits.put(id, hit.path("version").asLong());
        }
        JsonNode total = json.path("total");
        JsonNode next = json.path("nextCursor");
        return new Page(hits, total.path("value").asLong(-1), total.path("relation").asText(),
                next.isMissingNode() || next.isNull() ? null : next.asText());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
