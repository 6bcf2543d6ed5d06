package net.historyarchive.search.search.repository;

import net.historyarchive.search.search.service.SearchRequest.DateMatch;
import net.historyarchive.search.search.service.SearchRequest.Filters;
import net.historyarchive.search.search.service.SearchRequest.Undated;

import java.util.List;

/** The WHERE conditions for a request's filters (each starts with " AND "); all are index-backed. */
final class FilterSql {

    private FilterSql() {
    }

    static Sql of(Filters filters) {
        Sql sql = new Sql();
        Sql range = new Sql();
        boolean within = filters.dateMatch() == DateMatch.WITHIN;
        // A document's date is the inclusive range [date_start, date_end], widened to its precision.
        filters.dateFrom().ifPresent(from -> range.append(within ? " AND date_start >= ?" : " AND coalesce(date_end, date_start) >= ?", from));
        filters.dateTo().ifPresent(to -> range.append(within ? " AND coalesce(date_end, date_start) <= ?" : " AND date_start <= ?", to));
        if (filters.undated() == Undated.ONLY) {
            sql.append(" AND date_start IS NULL");
        } else if (filters.undated() == Undated.EXCLUDE) {
            sql.append(" AND date_start IS NOT NULL").append(range);
        } else if (!range.isEmpty()) {
            sql.append(" AND (date_start IS NULL OR (true").append(range).append("))");
        }
        overlap(sql, "collections", filters.collections());
        overlap(sql, "subjects", filters.subjects());
        overlap(sql, "people", filters.people());
        overlap(sql, "places", filters.places());
        overlap(sql, "languages", filters.languages());
        if (!filters.types().isEmpty()) {
            sql.append(" AND document_type = ANY (?)", filters.types());
        }
        filters.hasTranslation().ifPresent(value -> sql.append(" AND has_translation = ?", value));
        return sql;
    }

    private static void overlap(Sql sql, String column, List<String> values) {
        if (!values.isEmpty()) {
            sql.append(" AND " + column + " && ?", values);
        }
    }
}
