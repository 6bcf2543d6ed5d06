package net.historyarchive.infra.bench.search;

import net.historyarchive.infra.bench.search.BenchQuery.And;
import net.historyarchive.infra.bench.search.BenchQuery.Node;
import net.historyarchive.infra.bench.search.BenchQuery.Not;
import net.historyarchive.infra.bench.search.BenchQuery.Or;
import net.historyarchive.infra.bench.search.BenchQuery.Phrase;
import net.historyarchive.infra.bench.search.BenchQuery.Prefix;
import net.historyarchive.infra.bench.search.BenchQuery.Word;

import net.historyarchive.infra.bench.suite.StackInfo;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The same queries written the way PostgreSQL full-text search is usually written, directly over
 * JDBC on the benchmark's PostgreSQL server: one table of the live documents with one GIN index on
 * a weighted search_vector (title A; people, places and subjects B; summary C; body D) and GIN /
 * B-tree indexes for the filters; every match found ({@code search_vector @@ tsquery}), ranked
 * ({@code ts_rank}), sorted for the top 10 (OFFSET for deeper pages), counted ({@code count(*)})
 * and, when the query asks for them, faceted, all over the complete set of matches, in one
 * statement (the matches are computed once, in a materialized CTE, which is kinder to this
 * baseline than separate count and facet queries). No typo expansion.
 *
 * <p>The table, {@value #TABLE}, lives in its own database ({@value #DATABASE}) and is copied from
 * the catalog's documents ({@link CatalogRows}) by {@link #ensureTable} (untimed).
 */
public final class NaivePostgresEngine implements SearchEngine {

    public static final String DATABASE = "naive";
    public static final String TABLE = "naive_document";
    private final String jdbcUrl;

    public NaivePostgresEngine(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    @Override
    public String name() {
        return "naive PostgreSQL (JDBC)";
    }

    /**
     * (Re)creates {@value #TABLE} in database {@value #DATABASE} from the catalog's documents
     * unless it holds as many rows already: the catalog's rows are streamed with COPY into a load
     * table, then the table is built with its search vector and indexes.
     *
     * @return seconds spent building it, or -1 when it was up to date
     */
    public static double ensureTable(StackInfo stack) throws SQLException, IOException {
        long live;
        try (Connection catalog = connect(stack.jdbcUrl("catalog")); java.sql.Statement s = catalog.createStatement();
             ResultSet rs = s.executeQuery(CatalogRows.COUNT)) {
            rs.next();
            live = rs.getLong(1);
        }
        try (Connection server = connect(stack.jdbcUrl("postgres")); java.sql.Statement s = server.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            rs.next();
            if (rs.getLong(1) == 0) {
                s.execute("CREATE DATABASE " + DATABASE);
            }
        }
        try (Connection c = connect(stack.jdbcUrl(DATABASE)); java.sql.Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT to_regclass('" + TABLE + "') IS NOT NULL")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    try (ResultSet n = s.executeQuery("SELECT count(*) FROM " + TABLE)) {
                        n.next();
                        if (n.getLong(1) == live) {
                            return -1;
                        }
                    }
                }
            }
            long t0 = System.nanoTime();
            s.execute("CREATE EXTENSION IF NOT EXISTS unaccent");
            // unaccent() is only STABLE because its dictionary could change; named, it is safe as IMMUTABLE (index expressions)
            s.execute("CREATE OR REPLACE FUNCTION naive_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT"
                    + " RETURN public.unaccent('public.unaccent'::regdictionary, $1)");
            s.execute("DROP TABLE IF EXISTS " + TABLE + ", naive_document_load");
            s.execute("CREATE UNLOGGED TABLE naive_document_load (id uuid, title text, summary text, date_display text, date_start date,"
                    + " date_end date, date_asc_key integer, date_desc_key integer, document_type text, languages text[], subjects text[],"
                    + " people text[], places text[], has_translation boolean, body text)");
            try (Connection catalog = connect(stack.jdbcUrl("catalog"))) {
                CopyOut out = catalog.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + CatalogRows.SELECT + ") TO STDOUT");
                CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY naive_document_load FROM STDIN");
                for (byte[] chunk = out.readFromCopy(); chunk != null; chunk = out.readFromCopy()) {
                    in.writeToCopy(chunk, 0, chunk.length);
                }
                in.endCopy();
            }
            s.execute("CREATE TABLE " + TABLE + " AS SELECT id, title, summary, date_display, date_start, date_end, date_asc_key,"
                    + " date_desc_key, document_type, languages, subjects, people, places, has_translation,"
                    + " setweight(to_tsvector('english', naive_unaccent(title)), 'A')"
                    + " || setweight(to_tsvector('english', naive_unaccent(array_to_string(people || places || subjects, ' '))), 'B')"
                    + " || setweight(to_tsvector('english', naive_unaccent(coalesce(summary, ''))), 'C')"
                    + " || setweight(to_tsvector('english', naive_unaccent(coalesce(body, ''))), 'D') AS search_vector"
                    + " FROM naive_document_load");
            s.execute("DROP TABLE naive_document_load");
            s.execute("ALTER TABLE " + TABLE + " ADD PRIMARY KEY (id)");
            s.execute("CREATE INDEX ON " + TABLE + " USING gin (search_vector)");
            for (String column : List.of("people", "places", "subjects", "languages")) {
                s.execute("CREATE INDEX ON " + TABLE + " USING gin (" + column + ")");
            }
            s.execute("CREATE INDEX ON " + TABLE + " (document_type)");
            s.execute("CREATE INDEX ON " + TABLE + " (date_start, date_end)");
            s.execute("CREATE INDEX ON " + TABLE + " (date_asc_key)");
            s.execute("CREATE INDEX ON " + TABLE + " (date_desc_key)");
            s.execute("VACUUM ANALYZE " + TABLE);
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    private static Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
    }

    @Override
    public void prepare(List<BenchQuery> queries) {
        // deep pages use OFFSET; nothing to walk
    }

    /** The statement and its parameters for one query. */
    record Statement(String sql, List<Object> parameters) {
    }

    static Statement statement(BenchQuery q) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("WITH m AS MATERIALIZED (\n  SELECT id, ");
        String order;
        if (q.text().isPresent()) {
            List<Object> tsParams = new ArrayList<>();
            String tsquery = tsquery(q.text().get(), tsParams);
            sql.append("ts_rank('{0.05, 0.2, 0.4, 1.0}', search_vector, ").append(tsquery).append(") AS r");
            params.addAll(tsParams);
            sql.append(", document_type, people, places\n  FROM " + TABLE + " WHERE search_vector @@ ").append(tsquery);
            params.addAll(tsParams);
            order = "r DESC, id";
        } else {
            String key = q.sort() == BenchQuery.Sort.DATE_DESC ? "date_desc_key" : "date_asc_key";
            sql.append(key).append(" AS r, document_type, people, places\n  FROM " + TABLE + " WHERE true");
            order = "r, id";
        }
        filters(q.filters(), sql, params);
        sql.append(")\nSELECT (SELECT count(*) FROM m),\n")
                .append(" (SELECT json_agg(json_build_object('id', d.id, 'title', d.title, 'summary', d.summary, 'date', d.date_display))")
                .append(" FROM (SELECT id, r FROM m ORDER BY ").append(order).append(" LIMIT ? OFFSET ?) p JOIN " + TABLE + " d USING (id))");
        params.add(BenchQuery.SIZE);
        params.add(q.offset());
        if (q.facets()) {
            sql.append(",\n (SELECT json_agg(f) FROM (SELECT document_type AS v, count(*) AS n FROM m WHERE document_type IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?) f),\n")
                    .append(" (SELECT json_agg(f) FROM (SELECT v, count(*) AS n FROM m, unnest(people) v GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?) f),\n")
                    .append(" (SELECT json_agg(f) FROM (SELECT v, count(*) AS n FROM m, unnest(places) v GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?) f)");
            params.add(BenchQuery.FACET_SIZE);
            params.add(BenchQuery.FACET_SIZE);
            params.add(BenchQuery.FACET_SIZE);
        }
        return new Statement(sql.toString(), params);
    }

    static String tsquery(Node node, List<Object> params) {
        if (node instanceof Word w) {
            params.add(w.text());
            return "plainto_tsquery('english', naive_unaccent(?))";
        }
        if (node instanceof Phrase p) {
            params.add(p.text());
            return "phraseto_tsquery('english', naive_unaccent(?))";
        }
        if (node instanceof Prefix p) {
            params.add(p.prefix());
            return "to_tsquery('simple', ? || ':*')";
        }
        if (node instanceof Not n) {
            return "(!! " + tsquery(n.operand(), params) + ")";
        }
        List<Node> operands = node instanceof And a ? a.operands() : ((Or) node).operands();
        String op = node instanceof And ? " && " : " || ";
        return operands.stream().map(o -> tsquery(o, params)).collect(Collectors.joining(op, "(", ")"));
    }

    /** search-service's filter semantics: date ranges overlap the document's dates, undated excluded when dates filter. */
    static void filters(BenchQuery.Filters f, StringBuilder sql, List<Object> params) {
        if (f.dateFrom() != null || f.dateTo() != null) {
            sql.append(" AND date_start IS NOT NULL");
        }
        if (f.dateFrom() != null) {
            sql.append(" AND coalesce(date_end, date_start) >= ?");
            params.add(LocalDate.of(Integer.parseInt(f.dateFrom()), 1, 1));
        }
        if (f.dateTo() != null) {
            sql.append(" AND date_start <= ?");
            params.add(LocalDate.of(Integer.parseInt(f.dateTo()), 12, 31));
        }
        array(sql, params, "people", f.people());
        array(sql, params, "places", f.places());
        array(sql, params, "languages", f.languages());
        array(sql, params, "subjects", f.subjects());
        if (!f.types().isEmpty()) {
            sql.append(" AND document_type = ANY (?::text[])");
            params.add(f.types());
        }
        if (f.hasTranslation() != null) {
            sql.append(" AND has_translation = ?");
            params.add(f.hasTranslation());
        }
    }

    private static void array(StringBuilder sql, List<Object> params, String column, List<String> values) {
        if (!values.isEmpty()) {
            sql.append(" AND ").append(column).append(" && ?::text[]");
            params.add(values);
        }
    }

    @SuppressWarnings("unchecked")
    static void bind(Connection c, PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof List<?> list) {
                ps.setArray(i + 1, c.createArrayOf("text", ((List<String>) list).toArray()));
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    @Override
    public Client client() throws SQLException {
        Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
        c.setReadOnly(true);
        return new Client() {
            @Override
            public Outcome run(BenchQuery query) throws Exception {
                Statement s = statement(query);
                try (PreparedStatement ps = c.prepareStatement(s.sql())) {
                    bind(c, ps, s.parameters());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        long total = rs.getLong(1);
                        String page = rs.getString(2);
                        int hits = page == null ? 0 : jsonSize(page);
                        int facetValues = 0;
                        for (int i = 3; query.facets() && i <= 5; i++) {
                            String facet = rs.getString(i);
                            facetValues += facet == null ? 0 : jsonSize(facet);
                        }
                        return new Outcome(total, true, hits, facetValues);
                    }
                }
            }

            @Override
            public void close() throws SQLException {
                c.close();
            }
        };
    }

    /** Element count of a JSON array held as text. */
    static int jsonSize(String jsonArray) throws java.io.IOException {
        return net.historyarchive.infra.bench.suite.Http.JSON.readTree(jsonArray).size();
    }
}
