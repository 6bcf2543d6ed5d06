package net.historyarchive.search.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import net.historyarchive.search.support.CatalogEvents;
import net.historyarchive.search.support.ProblemContract;
import net.historyarchive.search.support.Snapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * GET /api/v1/search/export over a result set of 250 documents (two and a half export pages), each
 * format read back: RIS, BibTeX and CSL-JSON by citation-js (the library behind many reference
 * managers' imports, run by node from src/test/citation-js, installed by .ci/run), NDJSON and CSV
 * line by line, compared field by field with what was sent.
 */
@QuarkusTest
class ExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int COUNT = 250;
    private static final String COLLECTION = "Export " + UUID.randomUUID();
    private static final String HARD_TITLE = "Memo on wheat & rice: 50% {draft} \"urgent\" $5 #3 under_score";
    private static List<UUID> inDateOrder;
    private static UUID hard;

    @BeforeEach
    void load() {
        synchronized (ExportTest.class) {
            if (inDateOrder != null) {
                return;
            }
            List<UUID> ids = new ArrayList<>();
            try (CatalogEvents catalog = new CatalogEvents()) {
                Snapshot first = new Snapshot(HARD_TITLE).summary("Two lines,\nwith a comma and \"quotes\".").date("1950-01-01")
                        .type("MEMORANDUM").languages("ru", "en").people("Kim Il Sung").places("Pyongyang").collection(COLLECTION);
                catalog.send(first.id(), first.json());
                ids.add(first.id());
                hard = first.id();
                for (int i = 1; i < COUNT; i++) {
                    Snapshot doc = new Snapshot("Telegram number " + i).summary("=SUM(A1) export test " + i)
                            .date(LocalDate.of(1950, 1, 1).plusDays(i).toString()).type("TELEGRAM").collection(COLLECTION);
                    catalog.send(doc.id(), doc.json());
                    ids.add(doc.id());
                }
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> given().queryParam("collection", COLLECTION).get("/api/v1/search")
                    .then().extract().jsonPath().getInt("total.value") == COUNT);
            inDateOrder = ids;
        }
    }

    @Test
    void ndjsonHasEveryMatchInTheSearchsOrderWithUrlAndCitation() throws IOException {
        String body = export("ndjson").asString();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).hasSize(COUNT);
        assertThat(lines.stream().map(l -> UUID.fromString(l.path("id").asText())).toList()).containsExactlyElementsOf(inDateOrder);
        JsonNode first = lines.get(0);
        assertThat(first.path("title").asText()).isEqualTo(HARD_TITLE);
        assertThat(first.path("url").asText()).endsWith("/documents/" + hard);
        assertThat(first.path("citation").asText()).startsWith("\u201C" + HARD_TITLE + ",\u201D 1950-01-01, Archive of the President")
                .contains("fond 3, opis 65, delo 779, folios 1-12").endsWith("/documents/" + hard + ".");
    }

    @Test
    void csvHasAHeaderAndOneRowPerMatchWithFormulasDefused() {
        ExtractableResponse<Response> response = export("csv");
        assertThat(response.contentType()).startsWith("text/csv");
        assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"archive-export.csv\"");
        List<List<String>> rows = csv(response.asString());
        assertThat(rows).hasSize(COUNT + 1);
        assertThat(rows.get(0)).containsExactlyElementsOf(CsvWriter.COLUMNS);
        Map<String, Integer> column = new java.util.HashMap<>();
        for (int i = 0; i < rows.get(0).size(); i++) {
            column.put(rows.get(0).get(i), i);
        }
        assertThat(rows.subList(1, rows.size()).stream().map(r -> UUID.fromString(r.get(column.get("id")))).toList())
                .containsExactlyElementsOf(inDateOrder);
        List<String> first = rows.get(1);
        assertThat(first.get(column.get("title"))).isEqualTo(HARD_TITLE);
        assertThat(first.get(column.get("summary"))).isEqualTo("Two lines,\nwith a comma and \"quotes\".");
        assertThat(first.get(column.get("languages"))).isEqualTo("ru; en");
        assertThat(rows.get(2).get(column.get("summary"))).isEqualTo("'=SUM(A1) export test 1");
    }

    @Test
    void risBibtexAndCslJsonReadBackWithCitationJs() throws Exception {
        for (String format : List.of("ris", "bibtex", "csl-json")) {
            JsonNode read = readWithCitationJs(export(format).asString(), format);
            JsonNode items = read.path("items");
            // citeproc typesets the quotes, so the title up to them
            assertThat(read.path("bibliography").asText()).as(format).contains("Memo on wheat & rice: 50% {draft} ").contains("(1950)");
            assertThat(items.size()).as(format).isEqualTo(COUNT);
            JsonNode first = null;
            for (JsonNode item : items) {
                if (item.path("URL").asText().endsWith(hard.toString())) {
                    first = item;
                }
            }
            assertThat(first).as("%s has the document with special characters: %s", format, items.get(0)).isNotNull();
            assertThat(first.path("title").asText()).as(format).isEqualTo(HARD_TITLE);
            assertThat(first.at("/issued/date-parts/0").toString()).as(format).isEqualTo("[1950,1,1]");
            assertThat(first.path("abstract").asText().replaceAll("\\s+", " ")).as(format).isEqualTo("Two lines, with a comma and \"quotes\".");
            List<String> urls = new ArrayList<>();
            items.forEach(i -> urls.add(i.path("URL").asText()));
            assertThat(urls).as(format).allMatch(u -> u.contains("/documents/")).doesNotHaveDuplicates();
        }
    }

    @Test
    void aBadFormatOrAPagingParameterIsAProblem() {
        String body = given().queryParam("format", "pdf").queryParam("page", "2").queryParam("dateFrom", "no date")
                .get("/api/v1/search/export").then().statusCode(400).contentType("application/problem+json").extract().asString();
        assertThat(ProblemContract.violations(body)).isEmpty();
        assertThat(io.restassured.path.json.JsonPath.from(body).getList("errors.field", String.class)).containsExactly("format", "page");
        given().get("/api/v1/search/export").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("format", "csv").queryParam("q", "\"unclosed").get("/api/v1/search/export").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static ExtractableResponse<Response> export(String format) {
        return given().queryParam("format", format).queryParam("collection", COLLECTION).queryParam("sort", "date-asc")
                .get("/api/v1/search/export").then().statusCode(200).extract();
    }

    /** citation-js's own parsers for RIS, BibTeX and CSL-JSON, as CSL-JSON. */
    private static JsonNode readWithCitationJs(String text, String format) throws Exception {
        Path reader = Path.of("src", "test", "citation-js");
        assertThat(reader.resolve("node_modules").resolve("citation-js")).as("run npm ci in " + reader + " (.ci/run does)").exists();
        Path file = Files.createTempFile("export", "." + format);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        String type = Map.of("ris", "@ris/file", "bibtex", "@biblatex/text", "csl-json", "@csl/list+object").get(format);
        Process node = new ProcessBuilder("node", reader.resolve("read.js").toString(), file.toString(), type).start();
        byte[] out = node.getInputStream().readAllBytes();
        String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as(err).isZero();
        Files.delete(file);
        return JSON.readTree(out);
    }

    /** RFC 4180: quoted fields with doubled quotes, CRLF between records, line breaks inside quotes. */
    private static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return rows;
    }
}
