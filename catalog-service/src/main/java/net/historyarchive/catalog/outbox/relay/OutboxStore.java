package net.historyarchive.catalog.outbox.relay;

import net.historyarchive.catalog.outbox.EventLane;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The relay's SQL against outbox_event, on the relay's own connection (autocommit).
 *
 * <p>Each lane ({@link EventLane}) is relayed on its own, in id order within the lane.
 *
 * <p>Why publishing unpublished rows in id order is gap-free and in commit order per document:
 * every write locks the document row before inserting its outbox row, and the id comes from a
 * sequence at insert time. So for one document, a later transaction takes its id only after the
 * earlier one committed: per document, id order is commit order, and a row still in flight always
 * has a higher id than every committed row of that document. Rows are selected by
 * {@code published_at IS NULL}, not by "id greater than the last one", so a row whose
 * transaction commits late is picked up in a later round rather than skipped.
 */
final class OutboxStore {

    private static final String FETCH = """
            SELECT id, event_id, event_type, aggregate_id, aggregate_version, occurred_at, payload::text, traceparent
            FROM outbox_event WHERE published_at IS NULL AND lane = ? ORDER BY id LIMIT ?""";

    private OutboxStore() {
    }

    static List<OutboxRow> fetchUnpublished(Connection connection, EventLane lane, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(FETCH)) {
            select.setString(1, lane.label());
            select.setInt(2, limit);
            try (ResultSet rs = select.executeQuery()) {
                List<OutboxRow> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new OutboxRow(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getObject(4, UUID.class), rs.getLong(5), rs.getTimestamp(6).toInstant(), rs.getString(7),
                            rs.getString(8)));
                }
                return rows;
            }
        }
    }

    static void markPublished(Connection connection, List<OutboxRow> rows) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_event SET published_at = now() WHERE id = ANY (?)")) {
            update.setArray(1, connection.createArrayOf("bigint", rows.stream().map(OutboxRow::id).toArray()));
            update.executeUpdate();
        }
    }

    static int deletePublishedBefore(Connection connection, Duration age) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM outbox_event WHERE published_at < now() - make_interval(secs => ?)")) {
            delete.setDouble(1, age.toMillis() / 1000.0);
            return delete.executeUpdate();
        }
    }

    static boolean tryLock(Connection connection, long key) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, key);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    static void unlock(Connection connection, long key) throws SQLException {
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, key);
            unlock.execute();
        }
    }

    static void listen(Connection connection) throws SQLException {
        try (Statement listen = connection.createStatement()) {
            listen.execute("LISTEN outbox_event");
        }
    }

    /** Rows not yet published, and the age in seconds of the oldest (0 when none). */
    record Backlog(long rows, double oldestAgeSeconds) {
    }

    static Backlog backlog(Connection connection, EventLane lane) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT count(*), coalesce(extract(epoch FROM now() - min(occurred_at)), 0)
                FROM outbox_event WHERE published_at IS NULL AND lane = ?""")) {
            query.setString(1, lane.label());
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return new Backlog(rs.getLong(1), rs.getDouble(2));
            }
        }
    }
}
