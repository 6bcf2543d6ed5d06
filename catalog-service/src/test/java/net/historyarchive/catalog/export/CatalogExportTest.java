package net.historyarchive.catalog.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import net.historyarchive.catalog.common.validation.InputValidator;
import net.historyarchive.catalog.document.api.DocumentView;
import net.historyarchive.catalog.document.importing.ImportReport;
import net.historyarchive.catalog.document.repository.DocumentRows;
import net.historyarchive.catalog.document.service.DocumentMapper;
import net.historyarchive.catalog.support.Api;
import net.historyarchive.catalog.support.Tokens;
import net.historyarchive.infra.ArchiveInfraResource;
import net.historyarchive.infra.DevToken;
import net.historyarchive.infra.PostgresServer;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The full export: one consistent snapshot, and a restore of it into an empty catalog (a fresh
 * database on the same PostgreSQL server, migrated like production) gives the same rows, ids,
 * versions and timestamps included.
 */
@QuarkusTest
class CatalogExportTest {

    private static final String EXPORT = "/api/v1/admin/export";
    private static final String IMPORT = "/api/v1/admin/import";
    /** Every table a restore writes, as comparable text; the transaction ids differ by nature. */
    private static final List<String> TABLES = List.of(
            "SELECT to_jsonb(c)::text FROM collection c ORDER BY id",
            "SELECT (to_jsonb(d) - 'change_txid')::text FROM document d ORDER BY id",
            "SELECT document_id || ' ' || collection_id FROM document_collection ORDER BY 1",
            "SELECT (to_jsonb(x) - 'change_txid')::text FROM document_deletion x ORDER BY id");

    @Inject
    ObjectMapper json;

    @Inject
    InputValidator validator;

    @Test
    void anExportRestoredIntoAnEmptyCatalogGivesTheSameRecords() throws Exception {
        String collection = Api.createCollection(Api.unique("Export"));
        String related = Api.createDocumentTitled("Related telegram");
        String full = Api.createDocument("""
                {"title": "Record of a Conversation with Mao Zedong", "summary": "Mikoyan and Mao discuss the plenum.",
                 "date": {"start": "1956-09-07", "precision": "MONTH", "qualifier": "APPROXIMATE"},
                 "documentType": "RECORD_OF_CONVERSATION", "languages": ["ru", "zh"],
                 "texts": [{"kind": "TRANSLATION", "language": "en", "body": "Mao: ...", "translators": ["Gary Goldberg"]}],
                 "source": {"repository": "AVPRF", "fond": "0102", "opis": "12", "delo": "6", "folios": "1-18"},
                 "rights": {"statement": "Public domain.", "reuse": "PUBLIC_DOMAIN"},
                 "collections": ["%s"], "subjects": ["August Plenum"], "people": ["Mao Zedong"], "places": ["Beijing"],
                 "related": ["%s"], "media": [{"uri": "https://media.example.org/1.pdf"}]}""".formatted(collection, related));
        Api.patchDocument(full, "\"1\"", "{\"date\": {\"display\": \"early autumn 1956\", \"start\": \"1956-09-01\", \"end\": \"1956-10-15\", \"precision\": \"RANGE\"}}")
                .then().statusCode(200);
        String deleted = Api.createDocumentTitled("Withdrawn draft");
        given().header("Authorization", Tokens.archivist()).header("If-Match", "\"1\"").delete(Api.DOCUMENTS + "/" + deleted)
                .then().statusCode(204);

        byte[] export = given().header("Authorization", admin()).get(EXPORT).then().statusCode(200)
                .contentType("application/x-ndjson").extract().asByteArray();
        List<List<String>> original = tables(appConnection());
        List<String> lines = lines(export);
        assertThat(lines.get(0)).contains("\"type\":\"header\"");
        assertThat(lines.get(lines.size() - 1)).contains("\"type\":\"end\"");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(full).contains("\"version\":2"))
                .anySatisfy(l -> assertThat(l).contains("\"type\":\"deletion\"").contains(deleted));

        try (Connection target = emptyCatalog()) {
            CatalogRestorer.Counts restored = new CatalogRestorer(json, validator).restore(target, new ByteArrayInputStream(export));
            assertThat(restored.documents()).isEqualTo(original.get(1).size());
            assertThat(tables(target)).isEqualTo(original);
            assertThat(count(target, "SELECT count(*) FROM outbox_event WHERE event_type LIKE '%created%'"))
                    .as("a created event per restored document").isEqualTo(restored.documents());

            // Exporting the restored catalog gives the same file, but for the header's time.
            ByteArrayOutputStream again = new ByteArrayOutputStream();
            new CatalogExporter(json).export(target, again);
            List<String> relines = lines(again.toByteArray());
            assertThat(relines.subList(1, relines.size())).isEqualTo(lines.subList(1, lines.size()));
        }
    }

    /**
     * Document lines are written from the row (DocumentLines); each must be, as JSON, the line
     * the document's API view gives through DocumentMapper.toInput, for every shape a record takes.
     */
    @Test
    void everyDocumentLineIsTheDocumentsImportFormAsTheApiViewGivesIt() throws Exception {
        String first = Api.createCollection(Api.unique("Zeta \u00e9crits"));
        String second = Api.createCollection(Api.unique("Alpha"));
        String related = Api.createDocumentTitled("A \"quoted\" title with \\ backslash, tab\t and \u00fc\u4e2d\ud83d\udcdc");
        List<String> ids = List.of(related,
                Api.createDocument("""
                        {"title": "Two texts, one translated", "summary": "Line one\\nline two <&>",
                         "date": {"start": "1956-09-19", "precision": "DAY"}, "documentType": "TELEGRAM", "languages": ["ru"],
                         "texts": [{"kind": "ORIGINAL", "language": "ru", "body": "\u0422\u0435\u043a\u0441\u0442 \\"x\\""},
                                   {"kind": "TRANSLATION", "language": "en", "body": "Text", "translators": ["A. B.", "C. D."]}],
                         "source": {"fond": "0102"}, "rights": {"uri": "https://rights.example.org/1"},
                         "collections": ["%s", "%s"], "subjects": ["One", "Two"], "people": ["Kim Il Sung"], "places": ["Pyongyang"],
                         "related": ["%s"],
                         "media": [{"uri": "https://media.example.org/a.pdf", "mediaType": "application/pdf", "caption": "Scan"},
                                   {"uri": "https://media.example.org/b.jpg"}]}""".formatted(first, second, related)),
                Api.createDocument("""
                        {"title": "Undated but described", "date": {"display": "undated, 1950s?", "precision": "UNKNOWN"}}"""),
                Api.createDocument("""
                        {"title": "A decade, approximately", "date": {"start": "1953-01-01", "precision": "DECADE", "qualifier": "APPROXIMATE"},
                         "rights": {"statement": "In copyright.", "reuse": "PERMISSION_REQUIRED"}}"""),
                Api.createDocument("""
                        {"title": "A range with its own display",
                         "date": {"display": "spring 1957", "start": "1957-03-01", "end": "1957-05-31", "precision": "RANGE"}}"""));

        byte[] export = given().header("Authorization", admin()).get(EXPORT).then().statusCode(200).extract().asByteArray();
        Map<String, String> lines = new HashMap<>();
        for (String line : lines(export)) {
            if (line.contains("\"type\":\"document\"")) {
                lines.put(json.readTree(line).get("id").asText(), line);
            }
        }
        assertThat(lines).containsKeys(ids.toArray(String[]::new));
        int compared = 0;
        try (Connection c = appConnection(); PreparedStatement s = c.prepareStatement(DocumentRows.SELECT + " ORDER BY d.id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                DocumentView view = DocumentRows.read(rs);
                String line = lines.get(view.id().toString());
                if (line == null) {
                    continue; // created by another test after the export
                }
                String expected = json.writeValueAsString(ExportLine.document(view.id(), view.version(), view.createdAt(),
                        view.updatedAt(), DocumentMapper.toInput(view)));
                assertThat(json.readTree(line)).as(line).isEqualTo(json.readTree(expected));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(lines.size());
    }

    @Test
    void theExportIsOneSnapshotWhateverIsWrittenMeanwhile() throws Exception {
        String changed = Api.createDocumentTitled("Before the export started");
        String removed = Api.createDocumentTitled("Deleted while the export runs");
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + EXPORT)).header("Authorization", admin()).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            lines.add(reader.readLine()); // the header is written once the snapshot is taken
            Api.patchDocument(changed, "\"1\"", "{\"title\": \"Changed while the export runs\"}").then().statusCode(200);
            given().header("Authorization", Tokens.archivist()).header("If-Match", "\"1\"").delete(Api.DOCUMENTS + "/" + removed)
                    .then().statusCode(204);
            String added = Api.createDocumentTitled("Created while the export runs");
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
            assertThat(lines).noneMatch(l -> l.contains(added));
        }
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(changed).contains("Before the export started"))
                .anySatisfy(l -> assertThat(l).contains("\"type\":\"document\"").contains(removed))
                .noneMatch(l -> l.contains("Changed while the export runs"));
    }

    @Test
    void onlyAnAdministratorExportsOrRestores() {
        given().get(EXPORT).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", Tokens.archivist()).get(EXPORT).then().statusCode(403);
        given().header("Authorization", Tokens.archivist()).contentType(Api.NDJSON).body("{}".getBytes(StandardCharsets.UTF_8))
                .post(IMPORT).then().statusCode(403);
    }

    @Test
    void aRestoreIntoACatalogThatIsNotEmptyIsAConflict() {
        Api.createDocumentTitled("Makes sure the catalog is not empty");
        byte[] export = given().header("Authorization", admin()).get(EXPORT).then().statusCode(200).extract().asByteArray();
        given().header("Authorization", admin()).contentType(Api.NDJSON).body(export).post(IMPORT)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void anInvalidOrTruncatedExportWritesNothing() throws Exception {
        String header = "{\"type\":\"header\",\"format\":\"historyarchive-catalog-export\",\"formatVersion\":1,\"exportedAt\":\"2026-12-01T00:00:00Z\"}\n";
        String document = "{\"type\":\"document\",\"id\":\"" + UUID.randomUUID() + "\",\"version\":3,\"createdAt\":\"2026-11-01T00:00:00Z\","
                + "\"updatedAt\":\"2026-11-02T00:00:00Z\",\"document\":{\"title\":\"A letter\"}}\n";
        String badDocument = "{\"type\":\"document\",\"id\":\"" + UUID.randomUUID() + "\",\"version\":1,\"createdAt\":\"2026-11-01T00:00:00Z\","
                + "\"updatedAt\":\"2026-11-02T00:00:00Z\",\"document\":{\"title\":\"\"}}\n";
        String unknownCollection = "{\"type\":\"document\",\"id\":\"" + UUID.randomUUID() + "\",\"version\":1,\"createdAt\":\"2026-11-01T00:00:00Z\","
                + "\"updatedAt\":\"2026-11-02T00:00:00Z\",\"document\":{\"title\":\"A memo\",\"collections\":[\"" + UUID.randomUUID() + "\"]}}\n";
        String end = "{\"type\":\"end\",\"collections\":0,\"documents\":1,\"deletions\":0}\n";
        CatalogRestorer restorer = new CatalogRestorer(json, validator);
        try (Connection target = emptyCatalog()) {
            assertThatThrownBy(() -> restorer.restore(target, stream(header + document)))
                    .isInstanceOfSatisfying(CatalogRestorer.Rejected.class, e -> assertThat(e.report().errors().get(0).errors().get(0).message())
                            .contains("no 'end' line"));
            assertThatThrownBy(() -> restorer.restore(target, stream(header + badDocument + unknownCollection + end.replace("\"documents\":1", "\"documents\":2"))))
                    .isInstanceOfSatisfying(CatalogRestorer.Rejected.class, e -> {
                        assertThat(e.report().errors()).extracting(ImportReport.LineError::line).containsExactly(2, 3);
                        assertThat(e.report().errors().get(0).errors()).extracting(f -> f.field()).containsExactly("document.title");
                        assertThat(e.report().errors().get(1).errors()).extracting(f -> f.field()).containsExactly("document.collections[0]");
                    });
            assertThatThrownBy(() -> restorer.restore(target, stream(document + end)))
                    .isInstanceOf(CatalogRestorer.Rejected.class);
            assertThat(tables(target)).allSatisfy(rows -> assertThat(rows).isEmpty());
            assertThat(count(target, "SELECT count(*) FROM outbox_event")).isZero();

            assertThat(restorer.restore(target, stream(header + document + end)).documents()).isEqualTo(1);
            assertThat(count(target, "SELECT count(*) FROM document WHERE version = 3")).isEqualTo(1);
        }
    }

    private static String admin() {
        return "Bearer " + DevToken.mint("test-admin", List.of("archive-admin"), Duration.ofHours(1));
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> lines(byte[] ndjson) {
        return new String(ndjson, StandardCharsets.UTF_8).lines().collect(Collectors.toList());
    }

    private static Connection appConnection() throws SQLException {
        return DriverManager.getConnection(ArchiveInfraResource.jdbcUrl("catalog"), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    /** A new database on the test server with the catalog's schema: every Flyway script, in version order. */
    private static Connection emptyCatalog() throws SQLException, IOException {
        String name = "restore_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Connection c = DriverManager.getConnection(ArchiveInfraResource.jdbcUrl(name), PostgresServer.USER, PostgresServer.PASSWORD);
        for (Path script : migrations()) {
            try (Statement s = c.createStatement()) {
                s.execute(Files.readString(script, StandardCharsets.UTF_8));
            }
        }
        return c;
    }

    /** The module's migrations (V1__… to the newest), so a new one is never forgotten here. */
    private static List<Path> migrations() throws IOException {
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            List<Path> scripts = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(java.util.Comparator.comparingInt(f -> Integer.parseInt(f.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))))
                    .toList();
            assertThat(scripts).as("migrations").isNotEmpty();
            return scripts;
        }
    }

    private static List<List<String>> tables(Connection c) throws SQLException {
        List<List<String>> tables = new ArrayList<>();
        for (String sql : TABLES) {
            List<String> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            tables.add(rows);
        }
        return tables;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
