package net.historyarchive.catalog.common.problem;

import java.sql.SQLException;

/**
 * Recognises a failure that is the database being away (down, restarting, in crash recovery, or
 * ending sessions) rather than a bug: a SQLException in the cause chain with SQLState class 08
 * (connection exception) or 57P (operator intervention: admin or crash shutdown, cannot connect now).
 */
final class DatabaseOutage {

    private DatabaseOutage() {
    }

    static boolean causedBy(Throwable e) {
        return outage(e) != null;
    }

    static String reason(Throwable e) {
        SQLException outage = outage(e);
        return outage == null ? "" : outage.getSQLState() + " " + outage.getMessage();
    }

    private static SQLException outage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return sql;
            }
        }
        return null;
    }
}
