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
 * Runs searches against document_view with bounded work: relevance ranks a window of candidates
 * (the first title matches plus the first matches anywhere), totals and facets stop counting at
 * a bound, and keyset cursors page through date and title orders on their indexes.
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

    /** One page of hits, and each hit's sort key for the next cursor. */
    public record Page(List<Hit> hits, List<String> sortKeys) {
    }

    /** A bounded count and the facets over the same matches. */
    public record Counts(long matched, Map<Facet, List<FacetCount>> facets) {
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
            Optional<String> realPhrase = phraseQuery.contains("<->") || phraseQuery.contains("<2>") ? Optional.of(phraseQuery) : Optional.empty();
            return new PreparedQuery(rs.getString(1), rs.getString(2), realPhrase, corrections);
        }
    }

    /** The matches, counted up to {@code bound + 1}, and the facets among them. */
    public Counts count(Connection connection, Optional<PreparedQuery> query, SearchRequest request, int bound, int facetSize)
            throws SQLException, IOException {
        Sql sql = new Sql().append("""
                WITH matched AS MATERIALIZED (
                    SELECT collections, subjects, people, places, languages, document_type, date_start, has_translation
                    FROM document_view WHERE NOT deleted""");
        query.ifPresent(q -> sql.append(" AND search_vector @@ ?::tsquery", q.fuzzy()));
        sql.append(FilterSql.of(request.filters())).append(" LIMIT ?)\nSELECT (SELECT count(*) FROM matched)", bound + 1);
        List<Facet> facets = List.copyOf(request.facets());
        for (Facet facet : facets) {
            sql.append(",\n (SELECT coalesce(json_agg(json_build_object('value', v, 'count', n) ORDER BY n DESC, v), '[]')::text FROM (")
                    .append(facetValues(facet)).append(" GROUP BY v ORDER BY n DESC, v LIMIT ?) f)", facetSize);
        }
        try (PreparedStatement statement = sql.prepare(connection); ResultSet rs = statement.executeQuery()) {
            rs.next();
            Map<Facet, List<FacetCount>> counts = new EnumMap<>(Facet.class);
            for (int i = 0; i < facets.size(); i++) {
                counts.put(facets.get(i), json.readValue(rs.getString(2 + i), FACET_LIST));
            }
            return new Counts(rs.getLong(1), counts);
        }
    }

    private static String facetValues(Facet facet) {
        return switch (facet) {
            case COLLECTION -> "SELECT v, count(*) AS n FROM matched, unnest(collections) v";
            case SUBJECT -> "SELECT v, count(*) AS n FROM matched, unnest(subjects) v";
            case PERSON -> "SELECT v, count(*) AS n FROM matched, unnest(people) v";
            case PLACE -> "SELECT v, count(*) AS n FROM matched, unnest(places) v";
            case LANGUAGE -> "SELECT v, count(*) AS n FROM matched, unnest(languages) v";
            case TYPE -> "SELECT document_type AS v, count(*) AS n FROM matched WHERE document_type IS NOT NULL";
            case DECADE -> "SELECT (extract(year FROM date_start)::int / 10 * 10)::text || 's' AS v, count(*) AS n FROM matched"
                    + " WHERE date_start IS NOT NULL";
            case HAS_TRANSLATION -> "SELECT has_translation::text AS v, count(*) AS n FROM matched";
        };
    }

    /**
     * One page of hits in the requested order, starting after {@code after} (a cursor's sort key
     * and id) or at {@code offset}.
     */
    public Page page(Connection connection, Optional<PreparedQuery> query, SearchRequest request, int rankWindow,
                     Optional<Cursor> after, long offset) throws SQLException {
        Sort sort = request.sort();
        Sql filters = FilterSql.of(request.filters());
        Sql inner = new Sql();
        if (sort == Sort.RELEVANCE) {
            PreparedQuery q = query.orElseThrow();
            int window = (int) Math.max(rankWindow, offset + request.size());
            inner.append("WITH candidates AS (\n (SELECT id FROM document_view WHERE NOT deleted AND title_vector @@ ?::tsquery", q.fuzzy())
                    .append(filters).append(" LIMIT ?)\n UNION\n", window)
                    .append(" (SELECT id FROM document_view WHERE NOT deleted AND search_vector @@ ?::tsquery", q.fuzzy())
                    .append(filters).append(" LIMIT ?)\n), ranked AS (\n SELECT d.id, (", window)
                    .append(score(q)).append(")::float8 AS sort_key FROM document_view d JOIN candidates c ON c.id = d.id\n)\n")
                    .append("SELECT id, sort_key FROM ranked");
            after.ifPresent(c -> inner.append(" WHERE (sort_key < ?::float8 OR (sort_key = ?::float8 AND id > ?))",
                    Double.parseDouble(c.key()), Double.parseDouble(c.key()), c.id()));
            inner.append(" ORDER BY sort_key DESC, id");
        } else {
            String key = switch (sort) {
                case DATE_ASC -> "date_asc_key";
                case DATE_DESC -> "date_desc_key";
                default -> "sort_title";
            };
            inner.append("SELECT id, " + key + " AS sort_key FROM document_view WHERE NOT deleted");
            query.ifPresent(q -> inner.append(" AND search_vector @@ ?::tsquery", q.fuzzy()));
            inner.append(filters);
            after.ifPresent(c -> inner.append(" AND (" + key + ", id) > (?, ?)", sort == Sort.TITLE ? c.key() : Integer.valueOf(c.key()), c.id()));
            inner.append(" ORDER BY " + key + ", id");
        }
        inner.append(" LIMIT ? OFFSET ?", request.size(), offset);

        Sql sql = new Sql().append("WITH page AS (").append(inner).append(")\nSELECT p.sort_key::text, d.id, d.version, d.title, d.summary,"
                + " d.date_display, d.date_start, d.date_end, d.date_precision, d.document_type, d.languages, d.collections,"
                + " d.subjects, d.people, d.places, d.has_translation");
        query.ifPresent(q -> sql
                .append(", ts_headline('archive_english', d.title, ?::tsquery, ?)", q.fuzzy(), HIGHLIGHT_ALL)
                .append(", ts_headline('archive_english', coalesce(d.summary, ''), ?::tsquery, ?)", q.fuzzy(), HIGHLIGHT_ALL)
                .append(", ARRAY(SELECT ts_headline('archive_english', v, ?::tsquery, ?) FROM unnest(d.people) v)", q.fuzzy(), HIGHLIGHT_ALL)
                .append(", ARRAY(SELECT ts_headline('archive_english', v, ?::tsquery, ?) FROM unnest(d.places) v)", q.fuzzy(), HIGHLIGHT_ALL)
                .append(", ARRAY(SELECT ts_headline('archive_english', v, ?::tsquery, ?) FROM unnest(d.subjects) v)", q.fuzzy(), HIGHLIGHT_ALL)
                .append(", ts_headline('archive_english', left(coalesce((SELECT string_agg(t ->> 'body', ' … ')"
                        + " FROM jsonb_array_elements(d.snapshot -> 'texts') t), ''), 20000), ?::tsquery, ?)", q.fuzzy(), HIGHLIGHT_FRAGMENTS));
        sql.append("\nFROM page p JOIN document_view d ON d.id = p.id ORDER BY p.sort_key")
                .append(sort == Sort.RELEVANCE ? " DESC" : "").append(", d.id");

        List<Hit> hits = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        try (PreparedStatement statement = sql.prepare(connection); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                keys.add(rs.getString(1));
                hits.add(hit(rs, sort == Sort.RELEVANCE, query.isPresent()));
            }
        }
        return new Page(hits, keys);
    }

    /**
     * Title above people, places and subjects above summary above body (ts_rank's weights A–D),
     * full-strength only for the words as typed (look-alikes count half), plus a bonus when the
     * title holds every word and when the words appear as the phrase they were typed as.
     */
    private static Sql score(PreparedQuery q) {
        Sql score = new Sql().append("ts_rank('{0.05, 0.2, 0.4, 1.0}', d.search_vector, ?::tsquery)", q.fuzzy());
        if (!q.exact().isBlank()) {
            score.append(" * CASE WHEN d.search_vector @@ ?::tsquery THEN 1.0 ELSE 0.5 END", q.exact());
        }
        score.append(" + CASE WHEN d.title_vector @@ ?::tsquery THEN 0.5 ELSE 0 END", q.fuzzy());
        q.phrase().ifPresent(phrase -> score.append(" + CASE WHEN d.search_vector @@ ?::tsquery THEN 0.5 ELSE 0 END", phrase));
        return score;
    }

    private Hit hit(ResultSet rs, boolean scored, boolean highlighted) throws SQLException {
        LocalDate start = rs.getObject("date_start", LocalDate.class);
        LocalDate end = rs.getObject("date_end", LocalDate.class);
        String display = rs.getString("date_display");
        String precision = rs.getString("date_precision");
        Hit.DateInfo date = start == null && display == null && precision == null ? null : new Hit.DateInfo(display, start, end, precision);
        Map<String, Object> highlights = null;
        if (highlighted) {
            highlights = new LinkedHashMap<>();
            Highlights.putIfMarked(highlights, "title", rs.getString(17));
            Highlights.putIfMarked(highlights, "summary", rs.getString(18));
            Highlights.putMarkedElements(highlights, "people", strings(rs.getArray(19)));
            Highlights.putMarkedElements(highlights, "places", strings(rs.getArray(20)));
            Highlights.putMarkedElements(highlights, "subjects", strings(rs.getArray(21)));
            Highlights.putIfMarked(highlights, "text", rs.getString(22));
        }
        return new Hit(rs.getObject("id", UUID.class), rs.getLong("version"), rs.getString("title"), rs.getString("summary"), date,
                rs.getString("document_type"), strings(rs.getArray("languages")), strings(rs.getArray("collections")),
                strings(rs.getArray("subjects")), strings(rs.getArray("people")), strings(rs.getArray("places")),
                rs.getBoolean("has_translation"), scored ? Double.valueOf(rs.getString(1)) : null, highlights);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
