package net.historyarchive.infra.bench.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.historyarchive.infra.bench.search.BenchQuery.And;
import net.historyarchive.infra.bench.search.BenchQuery.Node;
import net.historyarchive.infra.bench.search.BenchQuery.Not;
import net.historyarchive.infra.bench.search.BenchQuery.Or;
import net.historyarchive.infra.bench.search.BenchQuery.Phrase;
import net.historyarchive.infra.bench.search.BenchQuery.Prefix;
import net.historyarchive.infra.bench.search.BenchQuery.Word;
import net.historyarchive.infra.bench.suite.Http;
import net.historyarchive.infra.bench.suite.OpenSearchNode;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The same queries sent straight to the OpenSearch node, over search-service's own view index, so
 * that what search-service adds (HTTP and JSON in the service, the spelling check, look-alike
 * widening, ranking bonuses, highlights) shows as the difference between the two columns. Each
 * query is one {@code _search}: a word is the multi_match search-service sends for a correctly
 * spelled word (every field with its weight, cross_fields, all terms required), a phrase a
 * phrase multi_match, a prefix a prefix query on the unstemmed fields; the same filters (on the
 * keyword fields and the date span), the same sort (by score alone for relevance pages by number, else with
 * the document id as tie-breaker), the same
 * total bound (exact to 10,000), the top 10 with the fields a hit shows and, in the facet variant,
 * terms aggregations on type, person and place. Deep pages by {@code from}, cursors by
 * {@code search_after} (walked untimed, without a point in time).
 */
public final class BareOpenSearchEngine implements SearchEngine {

    /** search-service's searched fields and weights (QueryTranslator.FIELDS). */
    static final List<String> FIELDS = List.of("title^4", "people.text^3", "places.text^3", "subjects.text^3", "summary^2", "body");
    /** search-service's prefix fields (QueryTranslator.PLAIN_FIELDS): summary and body are in {@code spell}. */
    static final List<String> PLAIN_FIELDS = List.of("title.plain", "people.plain", "places.plain", "subjects.plain", "spell");
    private static final List<String> HIT_FIELDS = List.of("version", "title", "summary", "date", "documentType", "languages",
            "collections", "subjects", "people", "places", "hasTranslation");
    private static final Map<String, String> FACET_FIELDS = Map.of("type", "documentType", "person", "people", "place", "places");
    private static final int EXACT_TOTAL_UP_TO = 10_000;

    private final String url;
    private final Map<String, JsonNode> cursors = new ConcurrentHashMap<>();

    public BareOpenSearchEngine(String openSearchUrl) {
        this.url = openSearchUrl;
    }

    @Override
    public String name() {
        return "bare OpenSearch (HTTP, no service)";
    }

    @Override
    public void prepare(List<BenchQuery> queries) throws Exception {
        OpenSearchNode node = new OpenSearchNode(url);
        for (BenchQuery q : queries) {
            if (q.cursorDepth() <= 0) {
                continue;
            }
            JsonNode after = null;
            int reached = 0;
            while (reached < q.cursorDepth()) {
                int size = Math.min(100, q.cursorDepth() - reached);
                ObjectNode body = body(q, size, 0, after);
                JsonNode hits = node.send("POST", "/" + OpenSearchNode.VIEW + "/_search", body).path("hits").path("hits");
                if (hits.size() < size) {
                    break; // fewer matches than the depth: measure the last page reached, as for search-service
                }
                reached += hits.size();
                after = hits.get(hits.size() - 1).path("sort");
            }
            if (after != null) {
                cursors.put(q.id(), after);
            }
        }
    }

    @Override
    public Client client() {
        OpenSearchNode node = new OpenSearchNode(url);
        return q -> {
            JsonNode after = q.cursorDepth() > 0 ? cursors.get(q.id()) : null;
            ObjectNode body = body(q, BenchQuery.SIZE, q.cursorDepth() > 0 ? 0 : q.offset(), after);
            JsonNode answer = node.send("POST", "/" + OpenSearchNode.VIEW + "/_search", body);
            int facetValues = 0;
            for (String facet : FACET_FIELDS.keySet()) {
                facetValues += answer.path("aggregations").path(facet).path("buckets").size();
            }
            JsonNode total = answer.path("hits").path("total");
            return new Outcome(total.path("value").asLong(), "eq".equals(total.path("relation").asText()),
                    answer.path("hits").path("hits").size(), facetValues);
        };
    }

    static ObjectNode body(BenchQuery q, int size, int from, JsonNode after) {
        ObjectNode body = Http.JSON.createObjectNode();
        body.put("size", size);
        if (after == null) {
            body.put("from", from);
        } else {
            body.set("search_after", after);
        }
        body.put("track_total_hits", EXACT_TOTAL_UP_TO);
        HIT_FIELDS.forEach(body.putObject("_source").putArray("includes")::add);
        ObjectNode bool = body.putObject("query").putObject("bool");
        q.text().ifPresent(text -> bool.putArray("must").add(text(text)));
        filters(q.filters(), bool.putArray("filter"));
        ArrayNode sort = body.putArray("sort");
        switch (q.sort()) {
            case RELEVANCE -> sort.addObject().put("_score", "desc");
            case DATE_ASC -> {
                sort.addObject().putObject("dateStart").put("order", "asc").put("missing", "_last");
                sort.addObject().putObject("dateEnd").put("order", "asc").put("missing", "_last");
            }
            case DATE_DESC -> {
                sort.addObject().putObject("dateStart").put("order", "desc").put("missing", "_last");
                sort.addObject().putObject("dateEnd").put("order", "desc").put("missing", "_last");
            }
        }
        if (q.sort() != BenchQuery.Sort.RELEVANCE || q.cursorDepth() > 0) {
            // as search-service: a relevance page by number is sorted by score alone (a tie-breaker makes the node score every match)
            sort.addObject().put("id", "asc");
        }
        if (q.facets()) {
            ObjectNode aggs = body.putObject("aggs");
            FACET_FIELDS.forEach((name, field) -> aggs.putObject(name).putObject("terms").put("field", field)
                    .put("size", BenchQuery.FACET_SIZE));
        }
        return body;
    }

    /** The free-text tree in OpenSearch's query DSL. */
    static ObjectNode text(Node node) {
        ObjectNode q = Http.JSON.createObjectNode();
        if (node instanceof Word w) {
            ObjectNode m = q.putObject("multi_match").put("query", w.text()).put("type", "cross_fields").put("operator", "and");
            FIELDS.forEach(m.putArray("fields")::add);
        } else if (node instanceof Phrase p) {
            ObjectNode m = q.putObject("multi_match").put("query", p.text()).put("type", "phrase").put("analyzer", "archive_text");
            FIELDS.forEach(m.putArray("fields")::add);
        } else if (node instanceof Prefix p) {
            ObjectNode bool = q.putObject("bool").put("minimum_should_match", 1);
            ArrayNode should = bool.putArray("should");
            PLAIN_FIELDS.forEach(f -> should.addObject().putObject("prefix").put(f, p.prefix()));
        } else if (node instanceof Not n) {
            q.putObject("bool").putArray("must_not").add(text(n.operand()));
        } else if (node instanceof Or o) {
            ObjectNode bool = q.putObject("bool").put("minimum_should_match", 1);
            ArrayNode should = bool.putArray("should");
            o.operands().forEach(operand -> should.add(text(operand)));
        } else {
            ObjectNode bool = q.putObject("bool");
            ArrayNode must = bool.putArray("must");
            ArrayNode mustNot = bool.putArray("must_not");
            for (Node operand : ((And) node).operands()) {
                if (operand instanceof Not n) {
                    mustNot.add(text(n.operand()));
                } else {
                    must.add(text(operand));
                }
            }
        }
        return q;
    }

    /** search-service's filter semantics: live documents; a year range overlaps the document's date span (undated excluded). */
    static void filters(BenchQuery.Filters f, ArrayNode filter) {
        filter.addObject().putObject("term").put("deleted", false);
        terms(filter, "documentType", f.types());
        terms(filter, "people", f.people());
        terms(filter, "places", f.places());
        terms(filter, "languages", f.languages());
        terms(filter, "subjects", f.subjects());
        if (f.hasTranslation() != null) {
            filter.addObject().putObject("term").put("hasTranslation", f.hasTranslation());
        }
        if (f.dateFrom() != null || f.dateTo() != null) {
            ObjectNode range = filter.addObject().putObject("range").putObject("dateSpan").put("relation", "intersects")
                    .put("format", "strict_date");
            if (f.dateFrom() != null) {
                range.put("gte", f.dateFrom() + "-01-01");
            }
            if (f.dateTo() != null) {
                range.put("lte", f.dateTo() + "-12-31");
            }
        }
    }

    private static void terms(ArrayNode filter, String field, List<String> values) {
        if (!values.isEmpty()) {
            values.forEach(filter.addObject().putObject("terms").putArray(field)::add);
        }
    }
}
