package net.historyarchive.catalog.oai;

import net.historyarchive.catalog.document.api.DocumentView;
import net.historyarchive.catalog.document.api.SourceInput;
import net.historyarchive.catalog.document.repository.DocumentRows;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What oai_dc shows of a document, read with only the columns it needs: the texts' translators
 * and the media types are extracted by PostgreSQL (jsonpath), so a harvest page neither transfers
 * nor parses the texts' bodies (reading whole rows into DocumentView was a quarter of a page's
 * time in a profile, 2026-12-02). Translators and media types are each listed once, in order of
 * first appearance.
 */
record DublinCoreRecord(UUID id, String title, String summary, DocumentView.DateView date, String documentType,
                        List<String> languages, List<String> people, List<String> subjects, List<String> places,
                        List<String> translators, SourceInput source, String rightsStatement, String rightsUri,
                        List<String> mediaTypes, List<UUID> related) {

    private static final String SELECT = """
            SELECT d.id, d.title, d.summary,
                   d.date_display, d.date_start, d.date_end, d.date_precision, d.date_qualifier, d.document_type,
                   d.languages, d.people, d.subjects, d.places,
                   ARRAY(SELECT t #>> '{}' FROM jsonb_path_query(d.texts, '$[*].translators[*] ? (@.type() == "string")')
                         WITH ORDINALITY AS x(t, i) ORDER BY i),
                   d.source_repository, d.source_fond, d.source_opis, d.source_delo, d.source_folios, d.source_citation,
                   d.rights_statement, d.rights_uri,
                   ARRAY(SELECT m #>> '{}' FROM jsonb_path_query(d.media, '$[*].mediaType ? (@.type() == "string")')
                         WITH ORDINALITY AS x(m, i) ORDER BY i),
                   d.related
            FROM document d WHERE d.id = ANY(?)
            """;

    /** The documents with these ids that exist, by id. */
    static Map<UUID, DublinCoreRecord> read(Connection c, List<UUID> ids) throws SQLException {
        Map<UUID, DublinCoreRecord> records = new HashMap<>();
        if (ids.isEmpty()) {
            return records;
        }
        try (PreparedStatement s = c.prepareStatement(SELECT)) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    DublinCoreRecord record = read(rs);
                    records.put(record.id(), record);
                }
            }
        }
        return records;
    }

    private static DublinCoreRecord read(ResultSet rs) throws SQLException {
        SourceInput source = new SourceInput(rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18),
                rs.getString(19), rs.getString(20));
        return new DublinCoreRecord(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                DocumentRows.date(rs, 4), rs.getString(9),
                strings(rs.getArray(10)), strings(rs.getArray(11)), strings(rs.getArray(12)), strings(rs.getArray(13)),
                distinct(rs.getArray(14)), DocumentRows.isEmpty(source) ? null : source, rs.getString(21), rs.getString(22),
                distinct(rs.getArray(23)), List.of((UUID[]) rs.getArray(24).getArray()));
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    private static List<String> distinct(Array array) throws SQLException {
        return List.copyOf(new LinkedHashSet<>(strings(array)));
    }
}
