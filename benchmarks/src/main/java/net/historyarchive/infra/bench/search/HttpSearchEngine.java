package net.historyarchive.infra.bench.search;

import com.fasterxml.jackson.databind.JsonNode;
import net.historyarchive.infra.bench.suite.Http;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** search-service's GET /api/v1/search, through HTTP as a reader's browser would call it. */
public final class HttpSearchEngine implements SearchEngine {

    private final String base;
    private final Map<String, String> cursors = new ConcurrentHashMap<>();
    /** Hits actually reached by following cursors, when fewer than a query asked for. */
    private final Map<String, Integer> cursorShortfall = new ConcurrentHashMap<>();

    public HttpSearchEngine(String searchUrl) {
        this.base = searchUrl;
    }

    @Override
    public String name() {
        return "search-service (HTTP)";
    }

    public Map<String, Integer> cursorShortfall() {
        return cursorShortfall;
    }

    /** Follows nextCursor (100 hits a page, the cursor does not depend on page size) to each deep query's depth. */
    @Override
    public void prepare(List<BenchQuery> queries) throws Exception {
        HttpClient http = Http.client();
        for (BenchQuery q : queries) {
            if (q.cursorDepth() <= 0) {
                continue;
            }
            // The deepest cursor reached: if the results end before the query's depth, the measured
            // request is the last page the cursor chain gives (a real request), and the report says so.
            String cursor = null;
            int reached = 0;
            while (reached < q.cursorDepth()) {
                int size = Math.min(100, q.cursorDepth() - reached);
                JsonNode page = Http.getJson(http, url(q, size, cursor, false));
                int hits = page.path("hits").size();
                String next = page.path("nextCursor").asText(null);
                if (hits < size || next == null) {
                    break;
                }
                reached += hits;
                cursor = next;
            }
            if (reached < q.cursorDepth()) {
                cursorShortfall.put(q.id(), reached);
            }
            if (cursor != null) {
                cursors.put(q.id(), cursor);
            }
        }
    }

    String url(BenchQuery q, int size, String cursor, boolean measured) {
        StringBuilder u = new StringBuilder(base).append("/api/v1/search?size=").append(size);
        if (q.text().isPresent()) {
            param(u, "q", q.queryText());
        }
        switch (q.sort()) {
            case DATE_ASC -> param(u, "sort", "date-asc");
            case DATE_DESC -> param(u, "sort", "date-desc");
            default -> {
            }
        }
        BenchQuery.Filters f = q.filters();
        f.types().forEach(v -> param(u, "type", v));
        f.people().forEach(v -> param(u, "person", v));
        f.places().forEach(v -> param(u, "place", v));
        f.languages().forEach(v -> param(u, "language", v));
        f.subjects().forEach(v -> param(u, "subject", v));
        if (f.dateFrom() != null) {
            param(u, "dateFrom", f.dateFrom());
        }
        if (f.dateTo() != null) {
            param(u, "dateTo", f.dateTo());
        }
        if (f.hasTranslation() != null) {
            param(u, "hasTranslation", f.hasTranslation().toString());
        }
        if (q.facets()) {
            param(u, "facets", String.join(",", BenchQuery.FACETS));
            param(u, "facetSize", Integer.toString(BenchQuery.FACET_SIZE));
        } else {
            param(u, "facets", "none"); // search-service counts some facets unless told not to
        }
        if (cursor != null) {
            param(u, "cursor", cursor);
        } else if (measured && q.page() > 1) {
            param(u, "page", Integer.toString(q.page()));
        }
        return u.toString();
    }

    private static void param(StringBuilder u, String name, String value) {
        u.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    @Override
    public Client client() {
        HttpClient http = Http.client();
        return query -> {
            String cursor = query.cursorDepth() > 0 ? cursors.get(query.id()) : null; // null: first page (reported)
            HttpRequest request = HttpRequest.newBuilder(URI.create(url(query, BenchQuery.SIZE, cursor, true)))
                    .timeout(Duration.ofMinutes(5)).build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(query.id() + ": HTTP " + response.statusCode() + " "
                        + Http.abbreviate(new String(response.body(), StandardCharsets.UTF_8)));
            }
            JsonNode body = Http.JSON.readTree(response.body());
            int facetValues = 0;
            for (String facet : BenchQuery.FACETS) {
                facetValues += body.path("facets").path(facet).size();
            }
            return new Outcome(body.path("total").path("value").asLong(), "eq".equals(body.path("total").path("relation").asText()),
                    body.path("hits").size(), facetValues);
        };
    }
}
