package net.historyarchive.search.search.service;

import jakarta.enterprise.context.ApplicationScoped;
import net.historyarchive.search.search.api.SearchResult;
import net.historyarchive.search.search.api.SearchResult.FacetCount;
import net.historyarchive.search.search.query.QueryNode;
import net.historyarchive.search.search.repository.Cursor;
import net.historyarchive.search.search.repository.PreparedQuery;
import net.historyarchive.search.search.repository.SearchRepository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One search: prepare the query, count and facet the matches, fetch the page, build the cursor. */
@ApplicationScoped
public class SearchService {

    private final SearchRepository repository;
    private final SearchConfig config;

    public SearchService(SearchRepository repository, SearchConfig config) {
        this.repository = repository;
        this.config = config;
    }

    public SearchResult search(SearchRequest request, String rawQuery) throws SQLException, IOException {
        String fingerprint = fingerprint(request);
        Optional<Cursor> after = request.cursor().map(token -> Cursor.decode(token, fingerprint));
        long offset = after.isPresent() ? 0 : (long) (request.page() - 1) * request.size();
        try (Connection connection = repository.connection()) {
            connection.setReadOnly(true);
            Optional<PreparedQuery> query = Optional.empty();
            if (request.query().isPresent()) {
                PreparedQuery prepared = repository.prepare(connection, request.query().get());
                if (prepared.matchesNothing()) { // only stop words, or punctuation
                    return empty(request, correction(rawQuery, prepared));
                }
                query = Optional.of(prepared);
            }
            int bound = config.exactTotalUpTo();
            int window = (int) Math.max(config.rankWindow(), offset + request.size());
            SearchRepository.Matches counts = repository.matches(connection, query, request, bound, window, after, offset);
            SearchRepository.Page page = request.sort() == SearchRequest.Sort.RELEVANCE
                    ? new SearchRepository.Page(repository.hits(connection, query, counts.pageIds(), counts.pageScores()), counts.pageScores())
                    : repository.sortedPage(connection, query, request, after, offset);
            boolean exact = counts.matched() <= bound;
            SearchResult.Total total = new SearchResult.Total(exact ? counts.matched() : bound, exact ? "eq" : "gte");
            Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
            counts.facets().forEach((facet, values) -> facets.put(facet.name, values));
            String next = null;
            if (page.hits().size() == request.size()) {
                int last = page.hits().size() - 1;
                next = new Cursor(fingerprint, page.sortKeys().get(last), page.hits().get(last).id()).encode();
            }
            long from = page.hits().isEmpty() ? 0 : offset + 1;
            return new SearchResult(total, from, offset + page.hits().size(), page.hits(), facets, exact, next,
                    query.map(q -> correction(rawQuery, q)).orElse(null));
        }
    }

    private SearchResult empty(SearchRequest request, String didYouMean) {
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        request.facets().forEach(facet -> facets.put(facet.name, List.of()));
        return new SearchResult(new SearchResult.Total(0, "eq"), 0, 0, List.of(), facets, true, null, didYouMean);
    }

    /** The typed query with each unknown word replaced by its closest indexed word, or null. */
    private static String correction(String rawQuery, PreparedQuery query) {
        if (query.corrections().isEmpty()) {
            return null;
        }
        String corrected = rawQuery;
        for (Map.Entry<String, String> entry : query.corrections().entrySet()) {
            corrected = corrected.replaceAll("(?<![\\p{L}\\p{N}])" + Pattern.quote(entry.getKey()) + "(?![\\p{L}\\p{N}])",
                    Matcher.quoteReplacement(entry.getValue()));
        }
        return corrected.equals(rawQuery) ? null : corrected;
    }

    /** What a cursor is bound to: the query, the filters and the order (not the page size). */
    private static String fingerprint(SearchRequest request) {
        String identity = request.query().map(QueryNode::toString).orElse("") + "|" + request.filters() + "|" + request.sort();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
