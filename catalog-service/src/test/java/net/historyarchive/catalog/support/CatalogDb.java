package net.historyarchive.catalog.support;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Read-only look into the catalog's real PostgreSQL database, to prove what a request did or did
 * not write. Tests share one database, so checks compare before and after, never absolute counts.
 */
public final class CatalogDb {

    /** Row counts of the tables a write can touch. */
    public record Counts(long documents, long collections, long documentCollections, long outboxEvents,
                         long documentDeletions) {
    }

    /** One outbox row. */
    public record OutboxRow(long id, String eventType, UUID aggregateId, long aggregateVersion, String payload, String lane) {
    }

    private final DataSource dataSource;

    public CatalogDb(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Counts counts() {
        return new Counts(count("document"), count("collection"), count("document_collection"), count("outbox_event"),
                count("document_deletion"));
    }

    public long count(String table) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + table);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The outbox rows of one document, oldest first. */
    public List<OutboxRow> outboxOf(String documentId) {
        return outbox("WHERE aggregate_id = ?::uuid ORDER BY id", documentId);
    }

    /** Outbox rows written after the row with id {@code afterId}, oldest first. */
    public List<OutboxRow> outboxAfter(long afterId) {
        return outbox("WHERE id > ?::bigint ORDER BY id", Long.toString(afterId));
    }

    /**
     * Whether the document row as it is now and its latest outbox row were written by one
     * transaction: the row's xmin is the low 32 bits of the outbox row's 64-bit txid.
     */
    public boolean writtenWithItsLatestEvent(String documentId) {
        String sql = """
                SELECT d.xmin::text::numeric = (SELECT o.txid::text::numeric % 4294967296 FROM outbox_event o
                                                WHERE o.aggregate_id = d.id ORDER BY o.id DESC LIMIT 1)
                FROM document d WHERE d.id = ?::uuid""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, documentId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no document " + documentId);
                }
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long lastOutboxId() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT coalesce(max(id), 0) FROM outbox_event");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<OutboxRow> outbox(String where, String parameter) {
        String sql = "SELECT id, event_type, aggregate_id, aggregate_version, payload::text, lane FROM outbox_event " + where;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            List<OutboxRow> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OutboxRow(rs.getLong(1), rs.getString(2), rs.getObject(3, UUID.class),
                            rs.getLong(4), rs.getString(5), rs.getString(6)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
