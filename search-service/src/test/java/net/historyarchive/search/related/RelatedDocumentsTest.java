package net.historyarchive.search.related;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import net.historyarchive.search.support.CatalogEvents;
import net.historyarchive.search.support.ProblemContract;
import net.historyarchive.search.support.Snapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** GET /api/v1/documents/{id}/related through HTTP, over documents fed through Kafka. */
@QuarkusTest
class RelatedDocumentsTest {

    private static final String WORD = "quillwort" + UUID.randomUUID().toString().substring(0, 6);
    private static Snapshot subject;
    private static Snapshot linkedFrom;
    private static Snapshot linksHere;
    private static Snapshot samePersonNear;
    private static Snapshot samePersonFar;
    private static Snapshot similarText;
    private static Snapshot unrelated;

    @BeforeEach
    void load() {
        synchronized (RelatedDocumentsTest.class) {
            if (subject != null) {
                return;
            }
            String collection = "Related " + UUID.randomUUID();
            linkedFrom = new Snapshot("Reply of the delegation").collection(collection);
            samePersonNear = new Snapshot("Note on the harvest").people("Mao Tse-tung").date("1901-10-02").collection(collection);
            samePersonFar = new Snapshot("Note on the railways").people("Mao Zedong").date("1903-06-15").collection(collection);
            similarText = new Snapshot("Survey of " + WORD + " marshes").summary("The " + WORD + " marshes near the river delta were surveyed twice.")
                    .collection(collection);
            unrelated = new Snapshot("Inventory of typewriters").collection(collection);
            subject = new Snapshot("Report on " + WORD + " marshes").summary("The " + WORD + " marshes of the river delta, surveyed again.")
                    .people("Mao Zedong").date("1901-09-20").collection(collection);
            subject.related(linkedFrom.id());
            linksHere = new Snapshot("Cover letter").collection(collection);
            linksHere.related(subject.id());
            try (CatalogEvents catalog = new CatalogEvents()) {
                for (Snapshot s : List.of(linkedFrom, samePersonNear, samePersonFar, similarText, unrelated, subject, linksHere)) {
                    catalog.send(s.id(), s.json());
                }
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/api/v1/documents/" + linksHere.id()).statusCode() == 200
                    && given().get("/api/v1/documents/" + subject.id()).statusCode() == 200);
        }
    }

    @Test
    void listsLinksBothWaysThenSamePeopleNearerInDateThenSimilarTextEachWithItsReasons() {
        // other test classes name Mao too: this one's documents are dated 1901-1903, far from theirs
        JsonPath related = given().queryParam("size", "50").get("/api/v1/documents/" + subject.id() + "/related").then().statusCode(200).extract().jsonPath();
        List<String> ids = related.getList("related.id", String.class);
        assertThat(ids).as(related.prettify()).startsWith(linkedFrom.id().toString(), linksHere.id().toString())
                .contains(samePersonNear.id().toString(), samePersonFar.id().toString(), similarText.id().toString())
                .doesNotContain(subject.id().toString(), unrelated.id().toString());
        assertThat(ids.indexOf(samePersonNear.id().toString())).isLessThan(ids.indexOf(samePersonFar.id().toString()));
        assertThat(reasons(related, linkedFrom)).containsExactly("linked");
        assertThat(because(related, linkedFrom)).containsExactly("Linked from this document");
        assertThat(because(related, linksHere)).containsExactly("Links to this document");
        // a different spelling of the same person is the same person
        assertThat(reasons(related, samePersonNear)).containsExactly("same-people");
        assertThat(related.getList(at(samePersonNear) + ".people", String.class)).containsExactly("Mao Zedong");
        assertThat(because(related, samePersonNear)).containsExactly("Also names Mao Zedong");
        assertThat(reasons(related, similarText)).containsExactly("similar-text");
        assertThat(related.getString(at(similarText) + ".title")).isEqualTo("Survey of " + WORD + " marshes");
    }

    @Test
    void theDocumentPageShowsThemWithTheirReasons() {
        String page = given().get("/documents/" + subject.id()).then().statusCode(200).extract().asString();
        assertThat(page).contains("Reply of the delegation").contains("Linked from this document")
                .contains("Cover letter").contains("Links to this document").contains("Also names Mao Zedong")
                .contains("Survey of " + WORD + " marshes").contains("Similar text").doesNotContain("Inventory of typewriters");
    }

    @Test
    void unknownDocumentsAndBadSizesAreProblems() {
        String missing = given().get("/api/v1/documents/" + UUID.randomUUID() + "/related").then().statusCode(404)
                .contentType("application/problem+json").extract().asString();
        assertThat(ProblemContract.violations(missing)).isEmpty();
        for (String size : List.of("0", "51", "ten")) {
            String bad = given().queryParam("size", size).get("/api/v1/documents/" + subject.id() + "/related").then().statusCode(400)
                    .contentType("application/problem+json").extract().asString();
            assertThat(ProblemContract.violations(bad)).isEmpty();
            assertThat(JsonPath.from(bad).getString("errors[0].field")).isEqualTo("size");
        }
        assertThat(given().queryParam("size", "1").get("/api/v1/documents/" + subject.id() + "/related").then().statusCode(200)
                .extract().jsonPath().getList("related")).hasSize(1);
    }

    private static String at(Snapshot doc) {
        return "related.find { it.id == '" + doc.id() + "' }";
    }

    private static List<String> reasons(JsonPath related, Snapshot doc) {
        return related.getList(at(doc) + ".reasons", String.class);
    }

    private static List<String> because(JsonPath related, Snapshot doc) {
        return related.getList(at(doc) + ".because", String.class);
    }
}
