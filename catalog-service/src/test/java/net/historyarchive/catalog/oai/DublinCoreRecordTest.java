package net.historyarchive.catalog.oai;

import io.quarkus.test.junit.QuarkusTest;
import net.historyarchive.catalog.document.api.DocumentView;
import net.historyarchive.catalog.document.api.MediaInput;
import net.historyarchive.catalog.document.repository.DocumentRows;
import net.historyarchive.catalog.support.Api;
import net.historyarchive.infra.ArchiveInfraResource;
import net.historyarchive.infra.PostgresServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * oai_dc reads only what it shows (DublinCoreRecord, translators and media types extracted in
 * SQL); for every shape of record that must be what the whole document, as the API reads it,
 * gives under the README's mapping.
 */
@QuarkusTest
class DublinCoreRecordTest {

    @Test
    void theNarrowReadGivesWhatTheWholeDocumentGives() throws Exception {
        String collection = Api.createCollection(Api.unique("Dublin Core"));
        String related = Api.createDocumentTitled("Related, \"quoted\" \u00fc\u4e2d\ud83d\udcdc");
        List<UUID> ids = new ArrayList<>(List.of(UUID.fromString(related),
                UUID.fromString(Api.createDocument("""
                        {"title": "Translators repeat across texts", "summary": "A <summary> & more",
                         "date": {"start": "1956-09-19", "precision": "DAY", "qualifier": "INFERRED"},
                         "documentType": "RECORD_OF_CONVERSATION", "languages": ["ru", "zh"],
                         "texts": [{"kind": "ORIGINAL", "language": "ru", "body": "\\u0422\\u0435\\u043a\\u0441\\u0442"},
                                   {"kind": "TRANSLATION", "language": "en", "body": "Text", "translators": ["B", "A"]},
                                   {"kind": "TRANSLATION", "language": "de", "body": "Text", "translators": ["A", "C"]}],
                         "source": {"repository": "AVPRF", "delo": "6", "citation": "AVPRF f. 0102"},
                         "rights": {"reuse": "PUBLIC_DOMAIN"},
                         "collections": ["%s"], "subjects": ["Plenum"], "people": ["Mao Zedong", "Kim Il Sung"], "places": ["Beijing"],
                         "related": ["%s"],
                         "media": [{"uri": "https://media.example.org/a.pdf", "mediaType": "application/pdf"},
                                   {"uri": "https://media.example.org/b.jpg"},
                                   {"uri": "https://media.example.org/c.pdf", "mediaType": "application/pdf"},
                                   {"uri": "https://media.example.org/d.jpg", "mediaType": "image/jpeg", "caption": "Page 1"}]}"""
                        .formatted(collection, related))),
                UUID.fromString(Api.createDocument("""
                        {"title": "Undated", "date": {"display": "no date", "precision": "UNKNOWN"},
                         "rights": {"statement": "Public domain.", "uri": "https://rights.example.org/pd"}}""")),
                UUID.fromString(Api.createDocument("""
                        {"title": "A decade", "date": {"start": "1953-01-01", "precision": "DECADE", "qualifier": "APPROXIMATE"},
                         "texts": [{"kind": "TRANSCRIPT", "language": "en", "body": "No translators here", "translators": []}]}"""))));
        ids.add(UUID.randomUUID()); // no such document: absent from both

        try (Connection c = DriverManager.getConnection(ArchiveInfraResource.jdbcUrl("catalog"), PostgresServer.USER, PostgresServer.PASSWORD)) {
            Map<UUID, DublinCoreRecord> narrow = DublinCoreRecord.read(c, ids);
            Map<UUID, DublinCoreRecord> whole = new java.util.HashMap<>();
            try (PreparedStatement s = c.prepareStatement(DocumentRows.SELECT + " WHERE d.id = ANY(?)")) {
                s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        DocumentView d = DocumentRows.read(rs);
                        whole.put(d.id(), fromWholeDocument(d));
                    }
                }
            }
            assertThat(narrow).hasSize(4).isEqualTo(whole);
            assertThat(narrow.get(ids.get(1)).translators()).containsExactly("B", "A", "C");
            assertThat(narrow.get(ids.get(1)).mediaTypes()).containsExactly("application/pdf", "image/jpeg");
        }
    }

    /** The mapping as it was written over the whole document (DublinCoreWriter before 2026-12-02). */
    private static DublinCoreRecord fromWholeDocument(DocumentView d) {
        Set<String> translators = new LinkedHashSet<>();
        d.texts().forEach(text -> {
            if (text.translators() != null) {
                translators.addAll(text.translators());
            }
        });
        return new DublinCoreRecord(d.id(), d.title(), d.summary(), d.date(), d.documentType() == null ? null : d.documentType().name(),
                d.languages(), d.people(), d.subjects(), d.places(), List.copyOf(translators), d.source(),
                d.rights() == null ? null : d.rights().statement(), d.rights() == null ? null : d.rights().uri(),
                d.media().stream().map(MediaInput::mediaType).filter(Objects::nonNull).distinct().toList(), d.related());
    }
}
