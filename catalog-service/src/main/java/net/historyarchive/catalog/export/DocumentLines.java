package net.historyarchive.catalog.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import net.historyarchive.catalog.document.api.RightsInput;
import net.historyarchive.catalog.document.api.SourceInput;
import net.historyarchive.catalog.document.model.ReuseCategory;
import net.historyarchive.catalog.document.repository.DocumentRows;
import net.historyarchive.catalog.document.service.DocumentMapper;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The export's document lines, written from the row: the JSON parts of a document (texts, media,
 * the arrays, the collection ids) come from PostgreSQL as JSON text and go into the line as they
 * are, so a text's body is neither parsed nor escaped again in Java (reading rows into
 * DocumentView and writing them back with Jackson was three quarters of an export's time in a
 * profile, 2026-12-02). Each line is the same JSON as {@link ExportLine#document} of the
 * document's {@code DocumentMapper.toInput} view, fields in the same order; only the whitespace
 * and key order inside texts and media are PostgreSQL's.
 */
final class DocumentLines {

    /**
     * One row per document, in id order. Media drop their null fields (MediaInput omits them);
     * texts are stored as TextInput writes them. Collections are ordered by name as the API's view
     * orders them (code point order, as Java compares the names; names are unique ignoring case).
     */
    static final String SELECT = """
            SELECT d.id, d.version, d.created_at, d.updated_at, d.title, d.summary,
                   d.date_display, d.date_start, d.date_end, d.date_precision, d.date_qualifier, d.document_type,
                   array_to_json(d.languages)::text, d.texts::text,
                   d.source_repository, d.source_fond, d.source_opis, d.source_delo, d.source_folios, d.source_citation,
                   d.rights_statement, d.rights_uri, d.rights_reuse,
                   (SELECT coalesce(json_agg(c.id ORDER BY c.name COLLATE "C"), '[]')::text
                    FROM document_collection dc JOIN collection c ON c.id = dc.collection_id
                    WHERE dc.document_id = d.id),
                   array_to_json(d.subjects)::text, array_to_json(d.people)::text, array_to_json(d.places)::text,
                   array_to_json(d.related)::text, jsonb_strip_nulls(d.media)::text
            FROM document d ORDER BY d.id
            """;

    private DocumentLines() {
    }

    /** Writes the document on the current row as one export line object (without the newline). */
    static void write(JsonGenerator g, ObjectWriter values, ResultSet rs) throws SQLException, IOException {
        g.writeStartObject();
        g.writeStringField("type", "document");
        g.writeStringField("id", rs.getObject(1, UUID.class).toString());
        g.writeNumberField("version", rs.getLong(2));
        // Instant.toString is ISO_INSTANT, as Jackson writes an Instant
        g.writeStringField("createdAt", rs.getObject(3, OffsetDateTime.class).toInstant().toString());
        g.writeStringField("updatedAt", rs.getObject(4, OffsetDateTime.class).toInstant().toString());
        g.writeFieldName("document");
        g.writeStartObject();
        g.writeStringField("title", rs.getString(5));
        optional(g, "summary", rs.getString(6));
        optional(g, values, "date", DocumentMapper.dateInput(DocumentRows.date(rs, 7)));
        optional(g, "documentType", rs.getString(12));
        raw(g, "languages", rs.getString(13));
        raw(g, "texts", rs.getString(14));
        SourceInput source = new SourceInput(rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18),
                rs.getString(19), rs.getString(20));
        optional(g, values, "source", DocumentRows.isEmpty(source) ? null : source);
        String reuse = rs.getString(23);
        RightsInput rights = new RightsInput(rs.getString(21), rs.getString(22), reuse == null ? null : ReuseCategory.valueOf(reuse));
        optional(g, values, "rights", DocumentRows.isEmpty(rights) ? null : rights);
        raw(g, "collections", rs.getString(24));
        raw(g, "subjects", rs.getString(25));
        raw(g, "people", rs.getString(26));
        raw(g, "places", rs.getString(27));
        raw(g, "related", rs.getString(28));
        raw(g, "media", rs.getString(29));
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private static void optional(JsonGenerator g, ObjectWriter values, String name, Object value) throws IOException {
        if (value != null) {
            g.writeFieldName(name);
            values.writeValue(g, value);
        }
    }

    private static void raw(JsonGenerator g, String name, String json) throws IOException {
        g.writeFieldName(name);
        g.writeRawValue(json);
    }
}
