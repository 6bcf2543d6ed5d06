package net.historyarchive.search.feed;

import io.quarkus.test.junit.QuarkusTest;
import net.historyarchive.search.support.CatalogEvents;
import net.historyarchive.search.support.ProblemContract;
import net.historyarchive.search.support.Snapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * GET /api/v1/search/feed through HTTP: an Atom 1.0 feed of a search, newest additions first,
 * parsed as XML and checked against RFC 4287's requirements for feeds and entries.
 */
@QuarkusTest
class SearchFeedTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String COLLECTION = "Feed " + UUID.randomUUID();
    private static List<Snapshot> oldestFirst;

    @BeforeEach
    void load() {
        synchronized (SearchFeedTest.class) {
            if (oldestFirst != null) {
                return;
            }
            List<Snapshot> docs = List.of(
                    new Snapshot("Grebe telegram one").summary("First <b>added</b> & oldest.").date("1956-09").createdAt("2026-01-01T10:00:00Z").collection(COLLECTION),
                    new Snapshot("Grebe telegram two").createdAt("2026-02-01T10:00:00Z").collection(COLLECTION),
                    new Snapshot("Grebe telegram three").summary("Newest.").createdAt("2026-03-01T10:00:00Z").collection(COLLECTION),
                    new Snapshot("Other subject").createdAt("2026-04-01T10:00:00Z").collection(COLLECTION));
            try (CatalogEvents catalog = new CatalogEvents()) {
                docs.forEach(d -> catalog.send(d.id(), d.json()));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> docs.stream()
                    .allMatch(d -> given().get("/api/v1/documents/" + d.id()).statusCode() == 200));
            oldestFirst = docs;
        }
    }

    @Test
    void aSearchsFeedListsItsMatchesNewestAdditionFirstAsValidAtom() throws Exception {
        byte[] body = given().queryParam("q", "grebe").queryParam("collection", COLLECTION).get("/api/v1/search/feed")
                .then().statusCode(200).contentType("application/atom+xml").extract().asByteArray();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        Element feed = xml.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        // RFC 4287 4.1.1: exactly one id, title and updated; an author; a self link recommended
        for (String required : List.of("id", "title", "updated", "author")) {
            assertThat(children(feed, required)).as(required).hasSize(1);
        }
        assertThat(text(feed, "title")).isEqualTo("History Archive: grebe");
        assertThat(children(feed, "link")).anyMatch(l -> l.getAttribute("rel").equals("self")
                && l.getAttribute("href").contains("/api/v1/search/feed?") && l.getAttribute("href").contains("q=grebe"));
        OffsetDateTime.parse(text(feed, "updated")); // an RFC 3339 date-time
        List<Element> entries = children(feed, "entry");
        List<String> ids = new ArrayList<>();
        for (Element entry : entries) {
            for (String required : List.of("id", "title", "updated")) {
                assertThat(children(entry, required)).as("entry " + required).hasSize(1);
            }
            OffsetDateTime.parse(text(entry, "updated"));
            ids.add(text(entry, "id"));
            assertThat(children(entry, "link")).singleElement().satisfies(l ->
                    assertThat(l.getAttribute("href")).endsWith("/documents/" + text(entry, "id").substring("urn:uuid:".length())));
        }
        assertThat(ids).containsExactly("urn:uuid:" + oldestFirst.get(2).id(), "urn:uuid:" + oldestFirst.get(1).id(),
                "urn:uuid:" + oldestFirst.get(0).id());
        assertThat(text(entries.get(2), "summary")).isEqualTo("1956-09. First <b>added</b> & oldest.");
        assertThat(text(feed, "updated")).isEqualTo("2026-03-01T10:00:00Z");
    }

    @Test
    void theFeedTakesASizeAndRefusesParametersItSetsItself() {
        String body = given().queryParam("collection", COLLECTION).queryParam("size", "1").get("/api/v1/search/feed")
                .then().statusCode(200).extract().asString();
        assertThat(body).contains("urn:uuid:" + oldestFirst.get(3).id()).doesNotContain("urn:uuid:" + oldestFirst.get(2).id());
        String problem = given().queryParam("sort", "title").queryParam("page", "2").get("/api/v1/search/feed")
                .then().statusCode(400).contentType("application/problem+json").extract().asString();
        assertThat(ProblemContract.violations(problem)).isEmpty();
        given().queryParam("q", "(unclosed").get("/api/v1/search/feed").then().statusCode(400).contentType("application/problem+json");
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && ATOM.equals(e.getNamespaceURI()) && e.getLocalName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        return children(parent, name).get(0).getTextContent();
    }
}
