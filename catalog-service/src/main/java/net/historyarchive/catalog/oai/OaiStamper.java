package net.historyarchive.catalog.oai;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Gives OAI datestamps to committed changes (see V5__oai_datestamps.sql for why they are not the
 * writers' own times). Runs inside the harvest request's transaction: the row lock on
 * oai_stamper serialises stampers until commit, the changes are taken in the change feed's
 * order up to the oldest running transaction, and all get one datestamp, later than every
 * earlier one. The returned horizon is that datestamp: every record stamped by a later run has
 * a greater one, so a list bounded by it can never miss a change that commits afterwards.
 */
final class OaiStamper {

    private static final String LOCK = "SELECT last_txid::text, last_id, last_datestamp FROM oai_stamper FOR UPDATE";

    private static final String NEXT_STAMP = "SELECT greatest(clock_timestamp(), ?::timestamptz + interval '1 microsecond')";

    /**
     * Upserts the changes after the cursor; returns the (txid, id) of the last one. The order is
     * taken on the xid8 column in a subquery: an ORDER BY naming the {@code txid::text} output
     * column sorts the text, where "998" comes after "1421", and the cursor then lagged behind
     * and the next run re-dated every change in between (issue #16).
     */
    private static final String STAMP = """
            WITH changes AS (
                SELECT id, change_txid AS txid, false AS deleted FROM document
                WHERE (change_txid, id) > (?::text::xid8, ?::uuid) AND change_txid < pg_snapshot_xmin(pg_current_snapshot())
                UNION ALL
                SELECT id, change_txid, true FROM document_deletion
                WHERE (change_txid, id) > (?::text::xid8, ?::uuid) AND change_txid < pg_snapshot_xmin(pg_current_snapshot())
            ), stamped AS (
                INSERT INTO oai_item (id, datestamp, deleted, sets)
                SELECT c.id, ?::timestamptz, c.deleted,
                       CASE WHEN c.deleted THEN '{}'::uuid[] ELSE ARRAY(
                           SELECT dc.collection_id FROM document_collection dc WHERE dc.document_id = c.id
                           ORDER BY dc.collection_id) END
                FROM changes c
                ON CONFLICT (id) DO UPDATE SET datestamp = excluded.datestamp, deleted = excluded.deleted,
                    sets = CASE WHEN excluded.deleted THEN oai_item.sets ELSE excluded.sets END
            )
            SELECT last.txid::text, last.id FROM (SELECT txid, id FROM changes ORDER BY txid DESC, id DESC LIMIT 1) last""";

    private static final String ADVANCE = "UPDATE oai_stamper SET last_txid = ?::text::xid8, last_id = ?::uuid, last_datestamp = ?::timestamptz";

    private OaiStamper() {
    }

    /** Stamps every change committed so far; @return the horizon, the datestamp of this run */
    static Instant stamp(Connection connection) throws SQLException {
        String lastTxid;
        UUID lastId;
        OffsetDateTime lastStamp;
        try (PreparedStatement lock = connection.prepareStatement(LOCK); ResultSet rs = lock.executeQuery()) {
            rs.next();
            lastTxid = rs.getString(1);
            lastId = rs.getObject(2, UUID.class);
            lastStamp = rs.getObject(3, OffsetDateTime.class);
        }
        OffsetDateTime stamp;
        try (PreparedStatement next = connection.prepareStatement(NEXT_STAMP)) {
            next.setObject(1, lastStamp);
            try (ResultSet rs = next.executeQuery()) {
                rs.next();
                stamp = rs.getObject(1, OffsetDateTime.class);
            }
        }
        try (PreparedStatement upsert = connection.prepareStatement(STAMP)) {
            upsert.setString(1, lastTxid);
            upsert.setObject(2, lastId);
            upsert.setString(3, lastTxid);
            upsert.setObject(4, lastId);
            upsert.setObject(5, stamp);
            try (ResultSet rs = upsert.executeQuery()) {
                if (rs.next()) {
                    lastTxid = rs.getString(1);
                    lastId = rs.getObject(2, UUID.class);
                }
            }
        }
        try (PreparedStatement advance = connection.prepareStatement(ADVANCE)) {
            advance.setString(1, lastTxid);
            advance.setObject(2, lastId);
            advance.setObject(3, stamp);
            advance.executeUpdate();
        }
        return stamp.toInstant();
    }
}
