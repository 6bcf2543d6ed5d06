package net.historyarchive.catalog.support;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Moves PostgreSQL's transaction ids on to the next power of ten, so that a test can make one
 * change with an id of n digits and the next with n + 1: where a query sorts txids as text,
 * "998" then comes after "1421" (the cause of issue #16's re-dated records).
 */
public final class TransactionIds {

    private TransactionIds() {
    }

    public static void crossNextPowerOfTen(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // Each loop is one committed transaction with an id; no need to wait for the WAL flush of each.
            s.execute("SET synchronous_commit = off");
            try {
                s.execute("""
                        DO $$
                        DECLARE target bigint := power(10, length(pg_current_xact_id()::text))::bigint;
                        BEGIN
                            WHILE pg_current_xact_id()::text::bigint < target LOOP
                                COMMIT;
                            END LOOP;
                        END $$""");
            } finally {
                s.execute("RESET synchronous_commit");
            }
        }
    }
}
