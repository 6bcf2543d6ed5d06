package net.historyarchive.search.engine;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import net.historyarchive.search.names.NameQueries;
import net.historyarchive.search.names.NameVariants;
import net.historyarchive.search.query.CursorRejected;
import net.historyarchive.search.query.QueryNode;
import net.historyarchive.search.query.SearchRequest;
import net.historyarchive.search.query.SearchRequest.Facet;
import net.historyarchive.search.query.SearchRequest.Sort;
import net.historyarchive.search.result.Hit;
import net.historyarchive.search.result.SearchResult;
import net.historyarchive.search.result.SearchResult.FacetCount;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchRequest.Builder;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.HighlightField;
import org.opensearch.client.opensearch.core.search.HitsMetadata;
import org.opensearch.client.opensearch.core.search.TotalHitsRelation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One search as one OpenSearch request: the page of hits, the total, facet counts over every
 * match, and highlights. A spelling check goes before it when the query has words whose answer is
 * not remembered ({@link SpellingMemory}). Deep walks continue with search_after inside a point in
 * time.
 */
@ApplicationScoped
public class DocumentSearch {

    /**
     * What a search found, the corrections behind "did you mean" (typed word to indexed word), and
     * whether no document held every term, so that most of them had to do.
     */
    public record Found(SearchResult result, Map<String, String> corrections, boolean relaxed) {
    }

    private static final Map<Facet, String> FACET_FIELDS = Map.of(Facet.COLLECTION, "collections", Facet.SUBJECT, "subjects",
            Facet.PERSON, "peoplePreferred", Facet.PLACE, "placesPreferred", Facet.LANGUAGE, "languages", Facet.TYPE, "documentType",
            Facet.DECADE, "decade", Facet.HAS_TRANSLATION, "hasTranslation");
    private static final List<String> HIT_FIELDS = List.of("version", "title", "summary", "date", "documentType", "languages",
            "collections", "subjects", "people", "places", "hasTranslation");

    private final OpenSearchClient client;
    private final ViewIndexes indexes;
    private final EngineSettings settings;
    private final NameVariantsStore names;
    private final SpellingMemory spellingMemory;

    public DocumentSearch(OpenSearchClients clients, ViewIndexes indexes, EngineSettings settings, NameVariantsStore names,
                          SpellingMemory spellingMemory) {
        this.client = clients.typed();
        this.indexes = indexes;
        this.settings = settings;
        this.names = names;
        this.spellingMemory = spellingMemory;
    }

    public Found search(SearchRequest typed) throws IOException {
        String fingerprint = SearchCursor.fingerprint(typed);
        NameVariants variants = names.current();
        SearchRequest request = withNamesInEverySpelling(typed, variants);
        Optional<SearchCursor> cursor = request.cursor().map(token -> SearchCursor.decode(token, fingerprint));
        if (cursor.isPresent() && cursor.get().byRank()
                && (request.sort() != Sort.RELEVANCE || cursor.get().rank() > ResultOrder.deepestRank(settings))) {
            throw new CursorRejected("not a cursor this service issued"); // a rank comes from a page by number, within the window
        }
        Spelling.Plan spelling = request.query().isPresent()
                ? Spelling.check(client, indexes.alias(), words(request.query().get(), new LinkedHashSet<>()), spellingMemory)
                : Spelling.Plan.NONE;
        String pointInTime = cursor.map(c -> c.pointInTime() != null ? c.pointInTime() : openPointInTime()).orElse(null);
        long offset = cursor.isPresent() ? 0 : (long) (request.page() - 1) * request.size();
        Page page = new Page(request, variants, spelling, cursor, pointInTime, offset);

        SearchResponse<JsonNode> response = page.fetch(false);
        boolean relaxed = false;
        if (response.hits().total() != null && response.hits().total().value() == 0 && request.query().isPresent()
                && QueryTranslator.relaxed(request.query().get(), spelling).isPresent()) {
            response = page.fetch(true);
            relaxed = true;
        }
        return new Found(result(request, response, offset, page.firstRank(), fingerprint, pointInTime), spelling.corrections(), relaxed);
    }

    /** One page of a search: by number, or where a cursor left off. */
    private final class Page {
        private final SearchRequest request;
        private final NameVariants variants;
        private final Spelling.Plan spelling;
        private final Optional<SearchCursor> cursor;
        private final String pointInTime;
        private final long offset;

        Page(SearchRequest request, NameVariants variants, Spelling.Plan spelling, Optional<SearchCursor> cursor, String pointInTime,
             long offset) {
            this.request = request;
            this.variants = variants;
            this.spelling = spelling;
            this.cursor = cursor;
            this.pointInTime = pointInTime;
            this.offset = offset;
        }

        /** The rank of this page's first hit, where a page that continues by rank ({@link SearchCursor#atRank}) starts. */
        long firstRank() {
            return cursor.map(SearchCursor::rank).orElse(offset);
        }

        SearchResponse<JsonNode> fetch(boolean relaxed) throws IOException {
            boolean relevance = request.sort() == Sort.RELEVANCE;
            if (cursor.isEmpty()) {
                return execute(request, variants, spelling, relaxed, pointInTime, offset, List.of(), request.size(), relevance);
            }
            SearchCursor at = cursor.get();
            if (!at.byRank()) {
                return execute(request, variants, spelling, relaxed, pointInTime, null, at.after(), request.size(), false);
            }
            int bonusWindow = ResultOrder.bonusWindow(settings);
            if (at.rank() < bonusWindow) {
                // among the best matches, where the bonuses reorder: by number, as numbered pages are
                return execute(request, variants, spelling, relaxed, pointInTime, at.rank(), List.of(), request.size(), true);
            }
            if (at.rank() == bonusWindow || at.rank() + request.size() <= settings.maxPageWindow()) {
                return execute(request, variants, spelling, relaxed, pointInTime, at.rank(), List.of(), request.size(), false);
            }
            // past the window a page cannot start by number: find the last hit given (past the bonus window,
            // so its plain score is its score), then continue after it
            SearchResponse<JsonNode> anchor = execute(request, variants, spelling, relaxed, pointInTime, at.rank() - 1, List.of(), 1,
                    false);
            if (anchor.hits().hits().isEmpty()) {
                return anchor;
            }
            return execute(request, variants, spelling, relaxed, pointInTime, null, anchor.hits().hits().get(0).sortVals(),
                    request.size(), false);
        }
    }

    /** The query with every known name widened to all its spellings ({@link NameQueries}). */
    private static SearchRequest withNamesInEverySpelling(SearchRequest r, NameVariants variants) {
        return new SearchRequest(r.query().map(q -> NameQueries.expand(q, variants)), r.filters(), r.sort(), r.size(), r.page(),
                r.cursor(), r.facets(), r.facetSize(), r.explain());
    }

    /**
     * One request: from a hit number ({@code from}) or after a hit's sort values. {@code scoreAlone}:
     * a relevance page by number, sorted by score alone, with the ranking bonuses on the best
     * matches ({@link ResultOrder}); otherwise a total order that gives sort values to go on from.
     */
    private SearchResponse<JsonNode> execute(SearchRequest request, NameVariants variants, Spelling.Plan spelling, boolean relaxed,
                                             String pointInTime, Long from, List<FieldValue> after, int size, boolean scoreAlone)
            throws IOException {
        Builder search = new Builder().size(size).from(from == null ? null : Math.toIntExact(from))
                .query(query(request, variants, spelling, relaxed))
                .sort(ResultOrder.sort(request.sort(), scoreAlone))
                .trackTotalHits(t -> t.count(settings.exactTotalUpTo()))
                .source(s -> s.filter(f -> f.includes(HIT_FIELDS)));
        if (!after.isEmpty()) {
            search.searchAfterVals(after);
        }
        if (pointInTime != null) {
            search.pit(new org.opensearch.client.opensearch.core.search.Pit.Builder().id(pointInTime).keepAlive(settings.cursorKeepAlive()).build());
        } else {
            search.index(indexes.alias());
        }
        if (request.sort() == Sort.RELEVANCE) {
            search.trackScores(true);
        }
        int bonusWindow = ResultOrder.bonusWindow(settings);
        if (scoreAlone && bonusWindow > 0 && request.query().isPresent()) {
            QueryTranslator.phraseBonus(positiveWords(request.query().get())).ifPresent(bonus -> search.rescore(r -> r.windowSize(bonusWindow)
                    .query(x -> x.query(bonus).queryWeight(1.0).rescoreQueryWeight(1.0))));
        }
        if (request.query().isPresent()) {
            search.highlight(h -> h.preTags(HitMapper.MARK_START).postTags(HitMapper.MARK_END).requireFieldMatch(false)
                    .fields(highlightFields()));
        }
        if (request.explain()) {
            search.explain(true);
        }
        for (Facet facet : request.facets()) {
            search.aggregations(facet.name, a -> a.terms(t -> t.field(FACET_FIELDS.get(facet)).size(request.facetSize())));
        }

        try {
            return client.search(search.build(), JsonNode.class);
        } catch (OpenSearchException e) {
            if (pointInTime != null && e.status() == 404) {
                throw new CursorRejected("the cursor has expired (it lasts " + settings.cursorKeepAlive()
                        + " after each page); start the search again");
            }
            throw e;
        }
    }

    private SearchResult result(SearchRequest request, SearchResponse<JsonNode> response, long offset, long firstRank,
                                String fingerprint, String pointInTime) {
        HitsMetadata<JsonNode> hits = response.hits();
        boolean withScore = request.sort() == Sort.RELEVANCE;
        List<Hit> page = hits.hits().stream().map(h -> HitMapper.map(h, withScore)).toList();
        long total = hits.total() == null ? page.size() : hits.total().value();
        boolean exact = hits.total() == null || hits.total().relation() == TotalHitsRelation.Eq;
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        boolean facetsComplete = true;
        for (Facet facet : request.facets()) {
            Aggregate aggregate = response.aggregations().get(facet.name);
            facets.put(facet.name, facetCounts(aggregate));
            facetsComplete &= errorBound(aggregate) == 0;
        }
        String next = null;
        if (page.size() == request.size()) {
            var last = hits.hits().get(hits.hits().size() - 1);
            String continuePit = response.pitId() != null ? response.pitId() : pointInTime;
            // sorted by score alone (relevance pages by number), the engine gives no sort values: go on by rank
            next = (last.sortVals().isEmpty() ? SearchCursor.atRank(fingerprint, continuePit, firstRank + page.size())
                    : new SearchCursor(fingerprint, continuePit, last.sortVals(), 0)).encode();
        }
        long from = page.isEmpty() ? 0 : offset + 1;
        return new SearchResult(new SearchResult.Total(total, exact ? "eq" : "gte"), from, offset + page.size(), page, facets,
                facetsComplete, next, null, null);
    }

    private Query query(SearchRequest request, NameVariants variants, Spelling.Plan spelling, boolean relaxed) {
        BoolQuery.Builder bool = new BoolQuery.Builder().filter(SearchFilters.of(request.filters(), variants));
        request.query().ifPresent(q -> {
            bool.must(relaxed ? QueryTranslator.relaxed(q, spelling).orElseThrow() : QueryTranslator.matching(q, spelling));
            if (request.sort() == Sort.RELEVANCE) {
                QueryTranslator.titleBonus(positiveWords(q)).ifPresent(bool::should);
            }
        });
        return Query.of(q -> q.bool(bool.build()));
    }

    private static Map<String, HighlightField> highlightFields() {
        Map<String, HighlightField> fields = new LinkedHashMap<>();
        for (String field : List.of("title", "summary", "people.text", "places.text", "subjects.text")) {
            fields.put(field, HighlightField.of(f -> f.numberOfFragments(0)));
        }
        fields.put("body", HighlightField.of(f -> f.fragmentSize(160).numberOfFragments(3)));
        return fields;
    }

    private String openPointInTime() {
        try {
            return client.createPit(p -> p.targetIndexes(indexes.alias()).keepAlive(t -> t.time(settings.cursorKeepAlive()))).pitId();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<FacetCount> facetCounts(Aggregate aggregate) {
        List<FacetCount> counts = new ArrayList<>();
        if (aggregate.isSterms()) {
            aggregate.sterms().buckets().array().forEach(b -> counts.add(new FacetCount(b.key(), b.docCount())));
        } else if (aggregate.isLterms()) {
            aggregate.lterms().buckets().array().forEach(b -> counts.add(new FacetCount(
                    b.keyAsString() != null ? b.keyAsString() : b.key(), b.docCount())));
        }
        return counts;
    }

    private static long errorBound(Aggregate aggregate) {
        Long bound = aggregate.isSterms() ? aggregate.sterms().docCountErrorUpperBound()
                : aggregate.isLterms() ? aggregate.lterms().docCountErrorUpperBound() : null;
        return bound == null ? 0 : bound;
    }

    /** Every plain word of the query, for the spelling check. */
    private static Set<String> words(QueryNode node, Set<String> into) {
        if (node instanceof QueryNode.Word word) {
            into.add(word.text());
        } else if (node instanceof QueryNode.And and) {
            and.operands().forEach(o -> words(o, into));
        } else if (node instanceof QueryNode.Or or) {
            or.operands().forEach(o -> words(o, into));
        }
        return into;
    }

    /** The words that must or may match (not excluded ones), in typed order, for the ranking bonuses. */
    private static List<String> positiveWords(QueryNode node) {
        List<String> words = new ArrayList<>();
        if (node instanceof QueryNode.Word word) {
            words.add(word.text());
        } else if (node instanceof QueryNode.Phrase phrase) {
            words.add(phrase.text());
        } else if (node instanceof QueryNode.And and) {
            and.operands().forEach(o -> words.addAll(positiveWords(o)));
        }
        return words;
    }
}
