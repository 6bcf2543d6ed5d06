package net.historyarchive.catalog.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import net.historyarchive.catalog.collection.api.CollectionInput;
import net.historyarchive.catalog.document.repository.DocumentRows;
import net.historyarchive.catalog.document.service.DocumentMapper;
import net.historyarchive.catalog.document.api.DocumentView;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Writes the whole catalog as NDJSON (see {@link ExportLine}) from one snapshot: a read-only
 * REPEATABLE READ transaction, so documents, collections and deletions are as of one instant
 * however long the export takes and whatever is written meanwhile. Rows are streamed with a
 * server-side cursor (fetch size), so memory does not grow with the catalog.
 */
public final class CatalogExporter {

    private static final int FETCH_SIZE = 500;

    private final ObjectWriter lines;

    public CatalogExporter(ObjectMapper json) {
        this.lines = json.writerFor(ExportLine.class);
    }

    /** What an export contained. */
    public record Counts(long collections, long documents, long deletions) {
    }

    public Counts export(Connection connection, OutputStream out) throws SQLException, IOException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        try {
            connection.setAutoCommit(false); // a cursor (fetch size) needs a transaction
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            // Lines are small; the HTTP stream writes a chunk per write, so gather them.
            Counts counts = write(connection, new BufferedOutputStream(out, 1 << 16));
            connection.commit();
            return counts;
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setReadOnly(false);
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    private Counts write(Connection c, OutputStream out) throws SQLException, IOException {
        Instant exportedAt;
        // The first statement takes the snapshot; its time is the export's.
        try (PreparedStatement s = c.prepareStatement("SELECT statement_timestamp()"); ResultSet rs = s.executeQuery()) {
            rs.next();
            exportedAt = rs.getObject(1, OffsetDateTime.class).toInstant();
        }
        line(out, ExportLine.header(exportedAt));
        out.flush();
        long collections = 0;
        try (PreparedStatement s = cursor(c, "SELECT id, version, created_at, updated_at, name, description FROM collection ORDER BY id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                line(out, ExportLine.collection(rs.getObject(1, UUID.class), rs.getLong(2), instant(rs, 3), instant(rs, 4),
                        new CollectionInput(rs.getString(5), rs.getString(6))));
                collections++;
            }
        }
        long documents = 0;
        try (PreparedStatement s = cursor(c, DocumentRows.SELECT + " ORDER BY d.id"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                DocumentView d = DocumentRows.read(rs);
                line(out, ExportLine.document(d.id(), d.version(), d.createdAt(), d.updatedAt(), DocumentMapper.toInput(d)));
                documents++;
            }
        }
        long deletions = 0;
        try (PreparedStatement s = cursor(c, "SELECT id, version, deleted_at FROM document_deletion ORDER BY id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                line(out, ExportLine.deletion(rs.getObject(1, UUID.class), rs.getLong(2), instant(rs, 3)));
                deletions++;
            }
        }
        line(out, ExportLine.end(collections, documents, deletions));
        out.flush();
        return new Counts(collections, documents, deletions);
    }

    private static PreparedStatement cursor(Connection c, String sql) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        s.setFetchSize(FETCH_SIZE);
        return s;
    }

    private void line(OutputStream out, ExportLine line) throws IOException {
        out.write(lines.writeValueAsBytes(line));
        out.write('\n');
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
