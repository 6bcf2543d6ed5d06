package net.historyarchive.catalog.document.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import net.historyarchive.catalog.document.api.DocumentView;
import net.historyarchive.catalog.document.api.MediaInput;
import net.historyarchive.catalog.document.api.RightsInput;
import net.historyarchive.catalog.document.api.SourceInput;
import net.historyarchive.catalog.document.api.TextInput;
import net.historyarchive.catalog.document.model.DatePrecision;
import net.historyarchive.catalog.document.model.DateQualifier;
import net.historyarchive.catalog.document.model.DocumentType;
import net.historyarchive.catalog.document.model.ReuseCategory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Reads documents with plain JDBC into the same {@link DocumentView} the API returns, for the
 * readers of many documents at once (OAI-PMH lists, the full export): one row per document with
 * its collections aggregated, no entities in a persistence context, so memory stays flat.
 */
public final class DocumentRows {

    /** Every column of a document and its collections as a JSON array of [id, name]; append a WHERE/ORDER BY. */
    public static final String SELECT = """
            SELECT d.id, d.version, d.created_at, d.updated_at, d.title, d.summary,
                   d.date_display, d.date_start, d.date_end, d.date_precision, d.date_qualifier, d.document_type,
                   d.languages, d.texts::text, d.source_repository, d.source_fond, d.source_opis, d.source_delo,
                   d.source_folios, d.source_citation, d.rights_statement, d.rights_uri, d.rights_reuse,
                   d.subjects, d.people, d.places, d.related, d.media::text,
                   (SELECT coalesce(json_agg(json_build_array(c.id, c.name)), '[]')::text
                    FROM document_collection dc JOIN collection c ON c.id = dc.collection_id
                    WHERE dc.document_id = d.id) AS collections
            FROM document d
            """;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final TypeReference<List<TextInput>> TEXTS = new TypeReference<>() {
    };
    private static final TypeReference<List<MediaInput>> MEDIA = new TypeReference<>() {
    };
    private static final TypeReference<List<List<String>>> PAIRS = new TypeReference<>() {
    };

    private DocumentRows() {
    }

    /** The document on the current row of a result set selected with {@link #SELECT}. */
    public static DocumentView read(ResultSet rs) throws SQLException {
        DocumentView.DateView date = date(rs, 7);
        String type = rs.getString(12);
        SourceInput source = new SourceInput(rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18),
                rs.getString(19), rs.getString(20));
        String reuse = rs.getString(23);
        RightsInput rights = new RightsInput(rs.getString(21), rs.getString(22), reuse == null ? null : ReuseCategory.valueOf(reuse));
        List<DocumentView.CollectionRef> collections = new ArrayList<>();
        for (List<String> pair : json(rs.getString(29), PAIRS)) {
            collections.add(new DocumentView.CollectionRef(UUID.fromString(pair.get(0)), pair.get(1)));
        }
        collections.sort(Comparator.comparing(DocumentView.CollectionRef::name)); // as DocumentMapper.toView
        return new DocumentView(rs.getObject(1, UUID.class), rs.getLong(2), instant(rs, 3), instant(rs, 4),
                rs.getString(5), rs.getString(6), date, type == null ? null : DocumentType.valueOf(type),
                strings(rs.getArray(13)), json(rs.getString(14), TEXTS),
                isEmpty(source) ? null : source, isEmpty(rights) ? null : rights, collections,
                strings(rs.getArray(24)), strings(rs.getArray(25)), strings(rs.getArray(26)), uuids(rs.getArray(27)),
                json(rs.getString(28), MEDIA));
    }

    /**
     * The date in five columns from {@code display}: date_display, date_start, date_end,
     * date_precision, date_qualifier; null for an undated document.
     */
    public static DocumentView.DateView date(ResultSet rs, int display) throws SQLException {
        String precision = rs.getString(display + 3);
        String qualifier = rs.getString(display + 4);
        return precision == null ? null : new DocumentView.DateView(rs.getString(display),
                rs.getObject(display + 1, LocalDate.class), rs.getObject(display + 2, LocalDate.class),
                DatePrecision.valueOf(precision), qualifier == null ? null : DateQualifier.valueOf(qualifier));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return List.of((UUID[]) array.getArray());
    }

    private static <T> T json(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean isEmpty(SourceInput s) {
        return s.repository() == null && s.fond() == null && s.opis() == null && s.delo() == null
                && s.folios() == null && s.citation() == null;
    }

    public static boolean isEmpty(RightsInput r) {
        return r.statement() == null && r.uri() == null && r.reuse() == null;
    }
}
