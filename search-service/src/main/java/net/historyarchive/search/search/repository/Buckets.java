package net.historyarchive.search.search.repository;

/**
 * The full-text indexes are split into buckets of doubling size (see the V2 migration); these
 * build the SQL that reads them smallest first, so a LIMIT stops before the big ones are touched.
 */
final class Buckets {

    static final int COUNT = 11;

    private Buckets() {
    }

    /**
     * {@code (SELECT columns ... bucket = 0 AND condition) UNION ALL ... (bucket = 10 ...)}: PostgreSQL
     * runs the branches in order and only as far as whoever reads the result asks.
     */
    static Sql unionAll(String columns, Sql condition) {
        Sql sql = new Sql();
        for (int bucket = 0; bucket < COUNT; bucket++) {
            sql.append(bucket == 0 ? "(" : "\n UNION ALL (")
                    .append("SELECT " + columns + " FROM document_view WHERE NOT deleted AND bucket = " + bucket + " AND ")
                    .append(condition).append(")");
        }
        return sql;
    }

    /**
     * The same condition as one WHERE clause over every bucket's index, for orders that need all
     * matches (the planner may instead walk a sort index and test each row).
     */
    static Sql anyBucket(Sql condition) {
        Sql sql = new Sql().append("(");
        for (int bucket = 0; bucket < COUNT; bucket++) {
            sql.append(bucket == 0 ? "" : " OR ").append("(bucket = " + bucket + " AND ").append(condition).append(")");
        }
        return sql.append(")");
    }
}
