package net.historyarchive.search.search.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import net.historyarchive.search.search.api.Hit;
import net.historyarchive.search.search.api.SearchResult.FacetCount;
import net.historyarchive.search.search.query.QueryNode;
import net.historyarchive.search.search.query.TsQuerySql;
import net.historyarchive.search.search.service.SearchRequest;
import net.historyarchive.search.search.service.SearchRequest.Facet;
import net.historyarchive.search.search.service.SearchRequest.Sort;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs searches against document_view with bounded work: matches are read from the bucketed
 * full-text indexes smallest bucket first and only until enough are found, so totals and facets
 * count at most a bound of them and relevance ranks at most a window of them; date and title
 * orders page with keyset cursors on their indexes.
 */
@ApplicationScoped
public class SearchRepository {

    /** Markers ts_headline puts around matches; the text is HTML-escaped before they become <mark>. */
    public static final String MARK_START = "\uE000";
    public static final String MARK_END = "\uE001";
    private static final String HIGHLIGHT_ALL = "HighlightAll=true, StartSel=" + MARK_START + ", StopSel=" + MARK_END;
    private static final String HIGHLIGHT_FRAGMENTS = "MaxFragments=2, MaxWords=25, MinWords=10, FragmentDelimiter=\" … \", StartSel="
            + MARK_START + ", StopSel=" + MARK_END;
    private static final TypeReference<List<FacetCount>> FACET_LIST = new TypeReference<>() {
    };
    private static final TypeReference<List<List<String>>> PAIR_LIST = new TypeReference<>() {
    };

    /** One page of hits, and each hit's sort key for the next cursor. */
    public record Page(List<Hit> hits, List<String> sortKeys) {
    }

    /**
     * A bounded count, the facets over the same matches and, for relevance order, the page's
     * document ids with their scores (as text, so a cursor holds the exact value).
     */
    public record Matches(long matched, Map<Facet, List<FacetCount>> facets, List<UUID> pageIds, List<String> pageScores) {
    }

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public SearchRepository(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    public PreparedQuery prepare(Connection connection, QueryNode query) throws SQLException {
        TsQuerySql.Fragment exact = TsQuerySql.exact(query);
        TsQuerySql.Fragment fuzzy = TsQuerySql.fuzzy(query);
        Optional<String> phrase = TsQuerySql.impliedPhrase(query);
        List<String> words = TsQuerySql.words(query).stream().distinct().toList();
        Sql sql = new Sql().append("SELECT (" + exact.sql() + ")::text", exact.parameters().toArray())
                .append(", (" + fuzzy.sql() + ")::text", fuzzy.parameters().toArray())
                .append(", phraseto_tsquery('english', archive_unaccent(?))::text", phrase.orElse(""));
        for (String word : words) {
            sql.append(", archive_correction(?)", word);
        }
        sql.append(" FROM (SELECT archive_common_lexemes() AS lexemes OFFSET 0) common"); // OFFSET 0: read once, not per word
        try (PreparedStatement statement = sql.prepare(connection); ResultSet rs = statement.executeQuery()) {
            rs.next();
            Map<String, String> corrections = new LinkedHashMap<>();
            for (int i = 0; i < words.size(); i++) {
                String correction = rs.getString(4 + i);
                if (correction != null) {
                    corrections.put(words.get(i), correction);
                }
            }
            String phraseQuery = rs.getString(3);
            // A "phrase" of one lexeme is no phrase: it would only repeat the word's own score.
            Optional<String> realPhrase = phraseQuery.matches(".*<\\d*-?>.*") ? Optional.of(phraseQuery) : Optional.empty();
            return new PreparedQuery(rs.getString(1), rs.getString(2), realPhrase, corrections);
        }
    }

    /**
     * Counts the matches up to {@code bound + 1}, counts the facets among them and, for relevance
     * order, ranks the first {@code window} of them and returns the requested page of ids: one
     * statement, one pass over the smallest buckets that hold enough matches.
     */
    public Matches matches(Connection connection, Optional<PreparedQuery> query, SearchRequest request, int bound, int window,
                           Optional<Cursor> after, long offset) throws SQLException, IOException {
        String columns = "id, collections, subjects, people, places, languages, document_type, date_start, has_translation, "
                + "head_vector, title_vector";
        boolean ranked = request.sort() == Sort.RELEVANCE;
        Sql sql = new Sql().append("WITH matched AS MATERIALIZED (\n");
        if (query.isPresent()) {
            Sql condition = new Sql().append("search_vector @@ ?::tsquery", query.get().fuzzy()).append(FilterSql.of(request.filters()));
            sql.append("SELECT * FROM (").append(Buckets.unionAll(columns, condition)).append(") u");
        } else {
            sql.append("SELECT " + columns + " FROM document_view WHERE NOT deleted").append(FilterSql.of(request.filters()));
        }
        sql.append(" LIMIT ?\n), counted AS (SELECT * FROM matched LIMIT ?)\nSELECT (SELECT count(*) FROM counted)",
                Math.max(bound + 1, ranked ? window : 0), bound + 1);
        List<Facet> facets = List.copyOf(request.facets());
        for (Facet facet : facets) {
            sql.append(",\n (SELECT coalesce(json_agg(json_build_object('value', v, 'count', n) ORDER BY n DESC, v), '[]')::text FROM (")
                    .append(facetValues(facet)).append(" GROUP BY v ORDER BY n DESC, v LIMIT ?) f)", request.facetSize());
        }
        if (ranked) {
            PreparedQuery q = query.orElseThrow();
            sql.append(",\n (SELECT coalesce(json_agg(json_build_array(id, score::text) ORDER BY score DESC, id), '[]')::text FROM (")
                    .append("SELECT id, score FROM (SELECT m.id, (").append(score(q)).append(")::float8 AS score FROM (SELECT * FROM matched LIMIT ?) m) r", window);
            after.ifPresent(c -> sql.append(" WHERE (score < ?::float8 OR (score = ?::float8 AND id > ?))",
                    Double.parseDouble(c.key()), Double.parseDouble(c.key()), c.id()));
            sql.append(" ORDER BY score DESC, id LIMIT ? OFFSET ?) p)", request.size(), offset);
        }
        try (PreparedStatement statement = sql.prepare(connection); ResultSet rs = statement.executeQuery()) {
            rs.next();
            Map<Facet, List<FacetCount>> counts = new EnumMap<>(Facet.class);
            for (int i = 0; i < facets.size(); i++) {
                counts.put(facets.get(i), json.readValue(rs.getString(2 + i), FACET_LIST));
            }
            List<UUID> ids = new ArrayList<>();
            List<String> scores = new ArrayList<>();
            if (ranked) {
                for (List<String> pair : json.readValue(rs.getString(2 + facets.size()), PAIR_LIST)) {
                    ids.add(UUID.fromString(pair.get(0)));
                    scores.add(pair.get(1));
                }
            }
            return new Matches(rs.getLong(1), counts, ids, scores);
        }
    }

    private static String facetValues(Facet facet) {
        return switch (facet) {
            case COLLECTION -> "SELECT v, count(*) AS n FROM counted, unnest(collections) v";
            case SUBJECT -> "SELECT v, count(*) AS n FROM counted, unnest(subjects) v";
            case PERSON -> "SELECT v, count(*) AS n FROM counted, unnest(people) v";
            case PLACE -> "SELECT v, count(*) AS n FROM counted, unnest(places) v";
            case LANGUAGE -> "SELECT v, count(*) AS n FROM counted, unnest(languages) v";
            case TYPE -> "SELECT document_type AS v, count(*) AS n FROM counted WHERE document_type IS NOT NULL";
            case DECADE -> "SELECT (extract(year FROM date_start)::int / 10 * 10)::text || 's' AS v, count(*) AS n FROM counted"
                    + " WHERE date_start IS NOT NULL";
            case HAS_TRANSLATION -> "SELECT has_translation::text AS v, count(*) AS n FROM counted";
        };
    }

    /**
     * A page in date or title order (keyset after {@code after}, or at {@code offset}): every match
     * takes part, through an index on the sort key or the bucketed full-text indexes, whichever the
     * planner expects to be cheaper for this query's words (see {@link SortedPageSql}).
     */
    public Page sortedPage(Connection connection, Optional<PreparedQuery> query, SearchRequest request, Optional<Cursor> after,
                           long offset) throws SQLException {
        Sql inner = SortedPageSql.of(query, request, after, offset);
        List<UUID> ids = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        try (PreparedStatement statement = inner.prepare(connection); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
                keys.add(rs.getString(2));
            }
        }
        return new Page(hits(connection, query, ids, null), keys);
    }

    /** The hits for these ids, in this order, with highlights when there is a query. */
    public List<Hit> hits(Connection connection, Optional<PreparedQuery> query, List<UUID> ids, List<String> scores) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        Sql sql = new Sql().append("SELECT d.id, d.version, d.title, d.summary, d.date_display, d.date_start, d.date_end,"
                + " d.date_precision, d.document_type, d.languages, d.collections, d.subjects, d.people, d.places, d.has_translation");
        query.ifPresent(q -> sql
                .append(", ts_headline('archive_english', d.title, ?::tsquery, ?)", q.fuzzy(), HIGHLIGHT_ALL)
                .append(", ts_headline('archive_english', coalesce(d.summary, ''), ?::tsquery, ?)", q.fuzzy(), HIGHLIGHT_ALL)
                .append(", ARRAY(SELECT ts_headline('archive_english', v, ?::tsquery, ?) FROM unnest(d.people) v)", q.fuzzy(), HIGHLIGHT_ALL)
                .append(", ARRAY(SELECT ts_headline('archive_english', v, ?::tsquery, ?) FROM unnest(d.places) v)", q.fuzzy(), HIGHLIGHT_ALL)
                .append(", ARRAY(SELECT ts_headline('archive_english', v, ?::tsquery, ?) FROM unnest(d.subjects) v)", q.fuzzy(), HIGHLIGHT_ALL)
                // The body texts (up to 20,000 characters) only when the words matched nowhere else: that
                // headline cost more than the rest of the search for common words, and a hit that matched
                // in its title, names or summary already shows where.
                .append(", CASE WHEN d.head_vector @@ ?::tsquery THEN NULL ELSE ts_headline('archive_english',"
                        + " left(coalesce((SELECT string_agg(t ->> 'body', ' … ') FROM jsonb_array_elements(d.snapshot -> 'texts') t), ''),"
                        + " 20000), ?::tsquery, ?) END", q.fuzzy(), q.fuzzy(), HIGHLIGHT_FRAGMENTS));
        sql.append(" FROM document_view d WHERE d.id = ANY (?::uuid[])", ids.stream().map(UUID::toString).toList());
        Map<UUID, Hit> found = new java.util.HashMap<>();
        try (PreparedStatement statement = sql.prepare(connection); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Hit hit = hit(rs, query.isPresent());
                found.put(hit.id(), hit);
            }
        }
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Hit hit = found.get(ids.get(i));
            if (hit != null) { // deleted between the two statements: left out rather than shown empty
                hits.add(scores == null ? hit : hit.withScore(Double.valueOf(scores.get(i))));
            }
        }
        return hits;
    }

    /**
     * Title above people, places and subjects above summary (ts_rank's weights; the body texts are
     * not in head_vector, so a match only there ranks last), full-strength only for the words as
     * typed (look-alikes count half), plus a bonus when the title holds every word and when the
     * words appear as the phrase they were typed as.
     */
    private static Sql score(PreparedQuery q) {
        Sql score = new Sql().append("ts_rank('{0.05, 0.2, 0.4, 1.0}', m.head_vector, ?::tsquery)", q.fuzzy());
        if (!q.exact().isBlank()) {
            score.append(" * CASE WHEN m.head_vector @@ ?::tsquery THEN 1.0 ELSE 0.5 END", q.exact());
        }
        score.append(" + CASE WHEN m.title_vector @@ ?::tsquery THEN 0.5 ELSE 0 END", q.fuzzy());
        q.phrase().ifPresent(phrase -> score.append(" + CASE WHEN m.head_vector @@ ?::tsquery THEN 0.5 ELSE 0 END", phrase));
        return score;
    }

    private Hit hit(ResultSet rs, boolean highlighted) throws SQLException {
        LocalDate start = rs.getObject("date_start", LocalDate.class);
        LocalDate end = rs.getObject("date_end", LocalDate.class);
        String display = rs.getString("date_display");
        String precision = rs.getString("date_precision");
        Hit.DateInfo date = start == null && display == null && precision == null ? null : new Hit.DateInfo(display, start, end, precision);
        Map<String, Object> highlights = null;
        if (highlighted) {
            highlights = new LinkedHashMap<>();
            Highlights.putIfMarked(highlights, "title", rs.getString(16));
            Highlights.putIfMarked(highlights, "summary", rs.getString(17));
            Highlights.putMarkedElements(highlights, "people", strings(rs.getArray(18)));
            Highlights.putMarkedElements(highlights, "places", strings(rs.getArray(19)));
            Highlights.putMarkedElements(highlights, "subjects", strings(rs.getArray(20)));
            Highlights.putIfMarked(highlights, "text", rs.getString(21));
        }
        return new Hit(rs.getObject("id", UUID.class), rs.getLong("version"), rs.getString("title"), rs.getString("summary"), date,
                rs.getString("document_type"), strings(rs.getArray("languages")), strings(rs.getArray("collections")),
                strings(rs.getArray("subjects")), strings(rs.getArray("people")), strings(rs.getArray("places")),
                rs.getBoolean("has_translation"), null, highlights);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
