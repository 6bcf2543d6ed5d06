package net.historyarchive.infra.bench.search;

/**
 * The documents the in-process baselines (naive PostgreSQL, Lucene) search: read from the catalog's
 * own table, the source of truth search-service's view is fed from, so dates are already widened to
 * their precision and the text is the text the view indexed. Columns, in this order: id, title,
 * summary, date_display, date_start, date_end (the start when open), date_asc_key, date_desc_key
 * (days; undated sorts last either way), document_type, languages, subjects, people, places,
 * has_translation, body (every text's body, space-separated).
 */
public final class CatalogRows {

    public static final String SELECT = """
            SELECT id, title, summary, date_display, date_start, coalesce(date_end, date_start) AS date_end,
                   coalesce(date_start - DATE '0001-01-01', 2147483647) AS date_asc_key,
                   coalesce(DATE '9999-12-31' - date_start, 2147483647) AS date_desc_key,
                   document_type, languages, subjects, people, places,
                   EXISTS (SELECT 1 FROM jsonb_array_elements(texts) t WHERE t ->> 'kind' = 'TRANSLATION') AS has_translation,
                   (SELECT string_agg(t ->> 'body', ' ') FROM jsonb_array_elements(texts) t) AS body
            FROM document""";

    public static final String COUNT = "SELECT count(*) FROM document";

    private CatalogRows() {
    }
}
