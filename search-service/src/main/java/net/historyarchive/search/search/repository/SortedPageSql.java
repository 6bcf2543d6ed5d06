package net.historyarchive.search.search.repository;

import net.historyarchive.search.search.service.SearchRequest;
import net.historyarchive.search.search.service.SearchRequest.DateMatch;
import net.historyarchive.search.search.service.SearchRequest.Filters;
import net.historyarchive.search.search.service.SearchRequest.Sort;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The statement for a page in date or title order: {@code id, sort_key} rows, keyset after a cursor
 * or at an offset.
 *
 * <p>A date filter also bounds the sort key, so the sort index seeks to where matches begin instead
 * of walking (and testing) every document dated before them: PostgreSQL does not derive that bound
 * itself, and with a LIMIT it prefers the walk, which cost a second at 1,000,000 documents for two
 * years of 1956 in date order. The bounds only restate the filter, so results do not change.
 */
final class SortedPageSql {

    private SortedPageSql() {
    }

    static Sql of(Optional<PreparedQuery> query, SearchRequest request, Optional<Cursor> after, long offset) {
        Sort sort = request.sort();
        Filters filters = request.filters();
        String key = keyColumn(sort);
        Sql matching = new Sql().append(" FROM document_view WHERE NOT deleted");
        query.ifPresent(q -> matching.append(" AND ").append(Buckets.anyBucket(new Sql().append("search_vector @@ ?::tsquery", q.fuzzy()))));
        matching.append(FilterSql.of(filters));
        after.ifPresent(c -> matching.append(" AND (" + key + ", id) > (?, ?)", sort == Sort.TITLE ? c.key() : Integer.valueOf(c.key()), c.id()));

        Optional<LocalDate> from = filters.dateFrom();
        Optional<LocalDate> to = filters.dateTo();
        if (sort == Sort.DATE_DESC && to.isPresent()) {
            // Both date matches need date_start <= to; undated documents have the largest key.
            matching.append(" AND date_desc_key >= (DATE '9999-12-31' - ?::date)", to.get());
        }
        if (sort == Sort.DATE_ASC && from.isPresent() && filters.dateMatch() == DateMatch.WITHIN) {
            matching.append(" AND date_asc_key >= (?::date - DATE '0001-01-01')", from.get());
        }
        if (sort == Sort.DATE_ASC && from.isPresent() && filters.dateMatch() == DateMatch.OVERLAPS) {
            return startingInsideOrReachingIn(matching, from.get(), request.size(), offset);
        }
        return new Sql().append("SELECT id, " + key + "::text AS sort_key").append(matching)
                .append(" ORDER BY " + key + ", id LIMIT ? OFFSET ?", request.size(), offset);
    }

    /**
     * Overlapping matches in ascending date order, in two parts: those that start at or after
     * {@code from}, read in order from the sort index after it seeks there, and those that start
     * before it but end inside or after it (ranges, decades): few, so they are fetched whole through
     * the index of date spans (V5) and merged in.
     */
    private static Sql startingInsideOrReachingIn(Sql matching, LocalDate from, int size, long offset) {
        return new Sql()
                .append("WITH reaching_in AS MATERIALIZED (SELECT id, date_asc_key").append(matching)
                .append(" AND date_end > date_start AND daterange(date_start, date_end, '[]') @> ?::date AND date_start < ?)\n",
                        from, from)
                .append("SELECT id, date_asc_key::text AS sort_key FROM ((SELECT id, date_asc_key").append(matching)
                .append(" AND date_asc_key >= (?::date - DATE '0001-01-01') ORDER BY date_asc_key, id LIMIT ?)", from, size + offset)
                .append(" UNION ALL (SELECT id, date_asc_key FROM reaching_in)) u ORDER BY date_asc_key, id LIMIT ? OFFSET ?", size, offset);
    }

    private static String keyColumn(Sort sort) {
        return switch (sort) {
            case DATE_ASC -> "date_asc_key";
            case DATE_DESC -> "date_desc_key";
            default -> "sort_title";
        };
    }
}
