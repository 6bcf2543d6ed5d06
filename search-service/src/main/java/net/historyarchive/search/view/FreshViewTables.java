package net.historyarchive.search.view;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh, empty copy of the live view tables ({@link ViewTables#REBUILD}) that a rebuild fills
 * and then swaps in under the live names.
 *
 * <p>The copies take their structure from the live tables as they are now, not from a second copy
 * of the DDL: {@code LIKE ... INCLUDING ALL} brings columns, defaults, generated columns, CHECK
 * constraints, storage and statistics settings; primary keys and unique constraints are added
 * straight away (the upserts need them), and every other index is recreated from
 * {@code pg_get_indexdef} after the bulk load, which is much faster than maintaining a dozen GIN
 * and B-tree indexes row by row. Indexes and constraints carry temporary names until the swap
 * renames them to the live ones, so after a swap the schema reads exactly as the migrations made it.
 * Not copied: grants and foreign keys (the view has neither) and dependent objects such as views,
 * which make the swap fail (the old table is dropped without CASCADE) rather than silently vanish.
 */
public final class FreshViewTables {

    private static final String TEMP_PREFIX = "rebuild_";
    private static final Pattern INDEX_DEF = Pattern.compile("^CREATE (UNIQUE )?INDEX (\\S+) ON (ONLY )?(\\S+) (USING .*)$",
            Pattern.DOTALL);

    /** An index or constraint of a live table, under the temporary name its copy carries. */
    private record Copied(String table, String liveName, String tempName, boolean constraint, String createSql) {
    }

    private final List<Copied> deferredIndexes = new ArrayList<>();
    private final List<Copied> constraints = new ArrayList<>();

    private FreshViewTables() {
    }

    /** Drops what an earlier, unfinished rebuild left behind and creates the empty copies. */
    public static FreshViewTables create(Connection connection) throws SQLException {
        FreshViewTables fresh = new FreshViewTables();
        try (Statement statement = connection.createStatement()) {
            statement.execute(dropSql(ViewTables.REBUILD));
            for (int i = 0; i < ViewTables.LIVE.all().size(); i++) {
                String live = ViewTables.LIVE.all().get(i);
                String copy = ViewTables.REBUILD.all().get(i);
                statement.execute("CREATE TABLE " + copy + " (LIKE " + live + " INCLUDING ALL EXCLUDING INDEXES)");
                fresh.collect(connection, live, copy);
            }
            for (Copied constraint : fresh.constraints) {
                statement.execute(constraint.createSql());
            }
        }
        return fresh;
    }

    /** Removes the copies (after a failed or cancelled rebuild). */
    public static void drop(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(dropSql(ViewTables.REBUILD));
        }
    }

    private static String dropSql(ViewTables tables) {
        return "DROP TABLE IF EXISTS " + String.join(", ", tables.all());
    }

    private void collect(Connection connection, String live, String copy) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT i.relname, pg_get_indexdef(x.indexrelid), c.conname, pg_get_constraintdef(c.oid)
                FROM pg_index x
                JOIN pg_class i ON i.oid = x.indexrelid
                LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.conrelid = x.indrelid AND c.contype IN ('p', 'u', 'x')
                WHERE x.indrelid = ?::regclass
                ORDER BY i.relname""")) {
            query.setString(1, live);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String indexName = rs.getString(1);
                    String tempName = tempName(indexName);
                    String constraintName = rs.getString(3);
                    if (constraintName != null) {
                        if (!constraintName.equals(indexName)) {
                            throw new SQLException("constraint " + constraintName + " and its index " + indexName
                                    + " are named differently; the rebuild cannot restore both names");
                        }
                        constraints.add(new Copied(copy, constraintName, tempName, true,
                                "ALTER TABLE " + copy + " ADD CONSTRAINT " + tempName + " " + rs.getString(4)));
                    } else {
                        Matcher m = INDEX_DEF.matcher(rs.getString(2));
                        if (!m.matches()) {
                            throw new SQLException("unexpected index definition: " + rs.getString(2));
                        }
                        deferredIndexes.add(new Copied(copy, indexName, tempName, false,
                                "CREATE " + (m.group(1) == null ? "" : m.group(1)) + "INDEX " + tempName + " ON " + copy + " " + m.group(5)));
                    }
                }
            }
        }
    }

    private static String tempName(String liveName) throws SQLException {
        String temp = TEMP_PREFIX + liveName;
        if (temp.length() > 63 || !liveName.matches("[a-z_][a-z0-9_]*")) {
            throw new SQLException("index name " + liveName + " is too long or not a plain identifier for a rebuild copy");
        }
        return temp;
    }

    /** Creates the secondary indexes (after the bulk load) and refreshes the planner statistics. */
    public void createIndexesAndAnalyze(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (Copied index : deferredIndexes) {
                statement.execute(index.createSql());
            }
            for (String table : ViewTables.REBUILD.all()) {
                statement.execute("ANALYZE " + table);
            }
        }
    }

    /**
     * In the caller's transaction: drops the live tables and gives the copies their names, and
     * their indexes and constraints the live names. Needs the live tables locked already
     * (see {@link #lockLive}) so that nothing is written to them after the copies caught up.
     */
    public void swap(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE " + String.join(", ", ViewTables.LIVE.all()));
            for (int i = 0; i < ViewTables.LIVE.all().size(); i++) {
                statement.execute("ALTER TABLE " + ViewTables.REBUILD.all().get(i) + " RENAME TO " + ViewTables.LIVE.all().get(i));
            }
            for (Copied constraint : constraints) {
                String table = ViewTables.LIVE.all().get(ViewTables.REBUILD.all().indexOf(constraint.table()));
                statement.execute("ALTER TABLE " + table + " RENAME CONSTRAINT " + constraint.tempName() + " TO " + constraint.liveName());
            }
            for (Copied index : deferredIndexes) {
                statement.execute("ALTER INDEX " + index.tempName() + " RENAME TO " + index.liveName());
            }
        }
    }

    /**
     * In the caller's transaction: locks the live tables against readers and writers until it
     * ends, waiting at most {@code lockTimeoutMillis} (so that a long query cannot make every new
     * reader queue behind this lock for long).
     */
    public static void lockLive(Connection connection, long lockTimeoutMillis) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL lock_timeout = " + lockTimeoutMillis);
            statement.execute("LOCK TABLE " + String.join(", ", ViewTables.LIVE.all()) + " IN ACCESS EXCLUSIVE MODE");
            statement.execute("SET LOCAL lock_timeout = 0");
        }
    }
}
