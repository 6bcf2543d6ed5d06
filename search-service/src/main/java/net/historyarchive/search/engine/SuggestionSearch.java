package net.historyarchive.search.engine;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import net.historyarchive.search.query.QueryParser;
import net.historyarchive.search.result.Suggestion;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Completions as the user types: the documents whose titles or names hold every typed word, the
 * last one as a prefix (stemmed or as typed, accents ignored), then the names among them that
 * match, commonest first, and the best-matching titles.
 */
@ApplicationScoped
public class SuggestionSearch {

    private static final int DOCUMENTS_READ = 50;
    private static final Map<String, String> NAME_FIELDS = Map.of("person", "people", "place", "places", "subject", "subjects");

    private final OpenSearchClient client;
    private final ViewIndexes indexes;

    public SuggestionSearch(OpenSearchClients clients, ViewIndexes indexes) {
        this.client = clients.typed();
        this.indexes = indexes;
    }

    public List<Suggestion> suggest(String typed, Set<String> kinds, int size) throws IOException {
        List<Query> alternatives = new ArrayList<>();
        for (String kind : kinds) {
            String field = kind.equals("title") ? "title" : NAME_FIELDS.get(kind) + ".text";
            String plain = kind.equals("title") ? "title.plain" : NAME_FIELDS.get(kind) + ".plain";
            alternatives.add(Query.of(q -> q.matchBoolPrefix(m -> m.field(field).query(typed).queryName(kind))));
            alternatives.add(Query.of(q -> q.matchBoolPrefix(m -> m.field(plain).query(typed).queryName(kind))));
        }
        SearchResponse<JsonNode> response = client.search(s -> s.index(indexes.alias()).size(DOCUMENTS_READ)
                .query(q -> q.bool(b -> b.filter(SearchFilters.NOT_DELETED).should(alternatives).minimumShouldMatch("1")))
                .source(src -> src.filter(f -> f.includes("title", "people", "places", "subjects"))), JsonNode.class);
        List<String> typedWords = words(typed);
        List<Suggestion> suggestions = new ArrayList<>();
        for (String kind : List.of("person", "place", "subject")) {
            if (kinds.contains(kind)) {
                suggestions.addAll(names(kind, response.hits().hits(), typedWords, size));
            }
        }
        if (kinds.contains("title")) {
            response.hits().hits().stream().filter(h -> h.matchedQueries().contains("title")).limit(size)
                    .forEach(h -> suggestions.add(new Suggestion("title", h.source().path("title").asText(), UUID.fromString(h.id()))));
        }
        return suggestions;
    }

    private static List<Suggestion> names(String kind, List<Hit<JsonNode>> hits, List<String> typedWords, int size) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Hit<JsonNode> hit : hits) {
            if (!hit.matchedQueries().contains(kind)) {
                continue;
            }
            for (JsonNode value : hit.source().path(NAME_FIELDS.get(kind))) {
                if (matches(value.asText(), typedWords)) {
                    counts.merge(value.asText(), 1, Integer::sum);
                }
            }
        }
        return counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(size)
                .map(e -> new Suggestion(kind, e.getKey(), null)).toList();
    }

    /** Every typed word starts some word of the name ("il su" matches "Kim Il Sung"). */
    private static boolean matches(String name, List<String> typedWords) {
        List<String> nameWords = words(name);
        return !typedWords.isEmpty() && typedWords.stream().allMatch(t -> nameWords.stream().anyMatch(n -> n.startsWith(t)));
    }

    private static List<String> words(String text) {
        return Arrays.stream(QueryParser.fold(text).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }
}
