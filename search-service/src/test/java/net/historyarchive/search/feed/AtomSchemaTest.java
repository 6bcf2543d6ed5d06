package net.historyarchive.search.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import net.historyarchive.search.support.CatalogEvents;
import net.historyarchive.search.support.Snapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The search feed validated against RFC 4287's own RELAX NG schema (Appendix B) and its Schematron
 * rules: real feeds fetched over HTTP from the running service, for the seed documents, a search
 * with hits, one with none and one whose query and filters are full of accents and XML's special
 * characters. A feed the schema must reject proves the validator can fail.
 */
@QuarkusTest
class AtomSchemaTest {

    private static final String COLLECTION = "Atom schema " + UUID.randomUUID();
    private static final String ACCENTED_TITLE = "Dvořák’s letter from Łódź: «Café Müller» & <Škoda> ]]> \"quoted\" 📜";
    private static final String ACCENTED_SUBJECT = "Ça & <b>là</b>";
    private static final AtomSchema SCHEMA = new AtomSchema();
    private static List<Snapshot> sent;

    @BeforeEach
    void load() throws Exception {
        synchronized (AtomSchemaTest.class) {
            if (sent != null) {
                return;
            }
            List<Snapshot> docs = new ArrayList<>(seedDocuments());
            docs.add(new Snapshot(ACCENTED_TITLE).summary("Пхеньян, 평양 and Kraków: a summary with <tags>, & and ‘quotes’.")
                    .date("1956-09").people("Antonín Dvořák", "Stanisław Ulam").places("Łódź").subjects(ACCENTED_SUBJECT)
                    .createdAt("2026-05-01T10:00:00.123456Z").collection(COLLECTION));
            try (CatalogEvents catalog = new CatalogEvents()) {
                docs.forEach(d -> catalog.send(d.id(), d.json()));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> entries(feed(Map.of("collection", COLLECTION))).size() == docs.size());
            sent = docs;
        }
    }

    @Test
    void theSchemaIsTheRfcsWithItsTwoSchematronRules() {
        assertThat(SCHEMA.rules()).extracting(AtomSchema.Rule::context).containsExactly("atom:feed", "atom:entry", "atom:entry");
        assertThat(SCHEMA.rules().get(1).test()).isEqualTo("atom:link[@rel='alternate'] or atom:link[not(@rel)] or atom:content");
    }

    @Test
    void theFeedOfTheSeedDocumentsIsValid() throws Exception {
        byte[] feed = feed(Map.of("collection", COLLECTION));
        assertValid(feed);
        assertThat(entries(feed)).hasSize(sent.size());
        byte[] byName = feed(Map.of("collection", COLLECTION, "person", "A. Putintsev"));
        assertValid(byName);
        assertThat(entries(byName)).hasSize(1);
    }

    @Test
    void aSearchWithHitsAndOneWithoutAreValid() throws Exception {
        byte[] hits = feed(Map.of("q", "Pyongyang", "collection", COLLECTION));
        assertValid(hits);
        assertThat(entries(hits)).isNotEmpty();
        byte[] none = feed(Map.of("q", "zzqxv-no-such-word", "collection", COLLECTION));
        assertValid(none);
        assertThat(entries(none)).isEmpty();
    }

    @Test
    void accentsAndXmlSpecialCharactersInTheQueryFiltersAndDocumentsStayValid() throws Exception {
        byte[] feed = feed(Map.of("q", "Dvořák «Café Müller» & <Škoda>", "person", "Antonín Dvořák", "place", "Łódź",
                "subject", ACCENTED_SUBJECT, "collection", COLLECTION));
        assertValid(feed);
        List<Element> entries = entries(feed);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).getElementsByTagNameNS(AtomSchema.ATOM, "title").item(0).getTextContent()).isEqualTo(ACCENTED_TITLE);
        assertThat(parse(feed).getDocumentElement().getElementsByTagNameNS(AtomSchema.ATOM, "title").item(0).getTextContent())
                .isEqualTo("History Archive: Dvořák «Café Müller» & <Škoda>");
    }

    @Test
    void theValidatorRejectsBrokenFeeds() throws Exception {
        byte[] valid = feed(Map.of("collection", COLLECTION, "size", "2"));
        assertValid(valid);

        Document noEntryId = parse(valid);
        Element entry = (Element) noEntryId.getElementsByTagNameNS(AtomSchema.ATOM, "entry").item(0);
        entry.removeChild(entry.getElementsByTagNameNS(AtomSchema.ATOM, "id").item(0));
        assertThat(SCHEMA.violations(bytes(noEntryId)))
                .anyMatch(v -> v.startsWith("error") && v.contains("element \"entry\" incomplete; missing required element \"id\""));

        Document badDate = parse(valid);
        badDate.getDocumentElement().getElementsByTagNameNS(AtomSchema.ATOM, "updated").item(0).setTextContent("2 December 2026");
        assertThat(SCHEMA.violations(bytes(badDate)))
                .anyMatch(v -> v.startsWith("error") && v.contains("character content of element \"updated\" invalid"));

        Document noAuthor = parse(valid);
        Element feed = noAuthor.getDocumentElement();
        feed.removeChild(feed.getElementsByTagNameNS(AtomSchema.ATOM, "author").item(0));
        assertThat(SCHEMA.violations(bytes(noAuthor))).contains(
                "schematron: atom:feed #1: An atom:feed must have an atom:author unless all of its atom:entry children have an atom:author.",
                "schematron: atom:entry #1: An atom:entry must have an atom:author if its feed does not.");

        assertThat(SCHEMA.violations("<feed xmlns='http://www.w3.org/2005/Atom'><title>unclosed</feed>".getBytes(StandardCharsets.UTF_8)))
                .anyMatch(v -> v.startsWith("fatal"));
    }

    private static void assertValid(byte[] feed) throws Exception {
        assertThat(SCHEMA.violations(feed)).as("RFC 4287 schema violations in:%n%s", new String(feed, StandardCharsets.UTF_8)).isEmpty();
    }

    private static byte[] feed(Map<String, String> parameters) {
        return given().queryParams(parameters).get("/api/v1/search/feed")
                .then().statusCode(200).contentType("application/atom+xml").extract().asByteArray();
    }

    /** The catalog's ten sample documents, with their people, places and dates, added a day apart. */
    private static List<Snapshot> seedDocuments() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Snapshot> docs = new ArrayList<>();
        Instant added = Instant.parse("2026-04-01T09:00:00Z");
        for (String line : Files.readAllLines(Path.of("..", "catalog-service", "src", "main", "resources", "sample-data", "documents.ndjson"))) {
            JsonNode sample = json.readTree(line);
            added = added.plus(Duration.ofDays(1));
            docs.add(new Snapshot(sample.get("title").asText()).summary(sample.get("summary").asText())
                    .date(sample.at("/date/start").asText()).type(sample.get("documentType").asText())
                    .people(strings(sample.path("people"))).places(strings(sample.path("places")))
                    .subjects("Sino-North Korean relations").createdAt(added.toString()).collection(COLLECTION));
        }
        return docs;
    }

    private static String[] strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values.toArray(String[]::new);
    }

    private static List<Element> entries(byte[] feed) throws Exception {
        List<Element> entries = new ArrayList<>();
        var nodes = parse(feed).getDocumentElement().getElementsByTagNameNS(AtomSchema.ATOM, "entry");
        for (int i = 0; i < nodes.getLength(); i++) {
            entries.add((Element) nodes.item(i));
        }
        return entries;
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static byte[] bytes(Document document) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
        return out.toByteArray();
    }
}
