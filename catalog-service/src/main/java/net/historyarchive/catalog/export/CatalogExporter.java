package net.historyarchive.catalog.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import net.historyarchive.catalog.collection.api.CollectionInput;

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
 * server-side cursor (fetch size), so memory does not grow with the catalog. All lines go
 * through one streaming generator; documents are written from their rows ({@link DocumentLines}).
 */
public final class CatalogExporter {

    private static final int FETCH_SIZE = 500;

    private final ObjectMapper json;
    /** Writes values into the line generator without flushing it after each (the mapper's default). */
    private final ObjectWriter values;

    public CatalogExporter(ObjectMapper json) {
        this.json = json;
        this.values = json.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
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
            JsonGenerator lines = json.createGenerator(new BufferedOutputStream(out, 1 << 16));
            lines.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET); // the caller owns the stream
            // Flushing the generator must not flush the HTTP stream (a chunk each time): that is done
            // after the header and at the end only.
            lines.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
            lines.setRootValueSeparator(new SerializedString("\n")); // NDJSON: one value a line
            Counts counts = write(connection, lines);
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

    private Counts write(Connection c, JsonGenerator out) throws SQLException, IOException {
        Instant exportedAt;
        // The first statement takes the snapshot; its time is the export's.
        try (PreparedStatement s = c.prepareStatement("SELECT statement_timestamp()"); ResultSet rs = s.executeQuery()) {
            rs.next();
            exportedAt = rs.getObject(1, OffsetDateTime.class).toInstant();
        }
        line(out, ExportLine.header(exportedAt));
        flush(out);
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
        try (PreparedStatement s = cursor(c, DocumentLines.SELECT); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                DocumentLines.write(out, values, rs);
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
        out.writeRaw('\n');
        flush(out);
        return new Counts(collections, documents, deletions);
    }

    private static PreparedStatement cursor(Connection c, String sql) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        s.setFetchSize(FETCH_SIZE);
        return s;
    }

    private void line(JsonGenerator out, ExportLine line) throws IOException {
        values.writeValue(out, line);
    }

    /** Through the generator's buffer and the stream's to the client. */
    private static void flush(JsonGenerator out) throws IOException {
        out.flush();
        ((OutputStream) out.getOutputTarget()).flush();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
