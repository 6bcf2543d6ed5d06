package net.historyarchive.search.search;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import net.historyarchive.search.support.CatalogEvents;
import net.historyarchive.search.support.Snapshot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Typo tolerance widens a word to indexed words one typo away, but a correctly spelled word is not
 * widened to another common word: "planet" finds the typo "Plannet", not the hundred documents
 * about "planes" (one letter away, but in more than 1% of the documents: a word of its own, not a typo),
 * while the misspelled "plabet" still finds the planet.
 */
@QuarkusTest
class LookAlikeWordsTest {

    private static final String COLLECTION = "Look-alikes " + UUID.randomUUID();

    @Test
    void aCorrectWordWidensToItsTyposButNotToACommonNeighbour() {
        List<Snapshot> documents = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            documents.add(new Snapshot("Planes over the border, report " + i).collection(COLLECTION));
        }
        Snapshot planet = new Snapshot("Planet seen from the observatory").collection(COLLECTION);
        Snapshot typo = new Snapshot("Sky notes").summary("A Plannet was seen.").collection(COLLECTION);
        documents.add(planet);
        documents.add(typo);
        try (CatalogEvents catalog = new CatalogEvents()) {
            documents.forEach(d -> catalog.send(d.id(), d.json()));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> documents.stream()
                .allMatch(d -> given().get("/api/v1/documents/" + d.id()).statusCode() == 200));

        JsonPath correct = search("planet");
        assertThat(correct.<String>getList("hits.id")).containsExactlyInAnyOrder(planet.id().toString(), typo.id().toString());
        assertThat(correct.getString("hits[0].id")).as("the word as typed ranks above its typo").isEqualTo(planet.id().toString());
        assertThat(correct.getString("didYouMean")).isNull();

        JsonPath misspelled = search("plabet");
        assertThat(misspelled.<String>getList("hits.id")).contains(planet.id().toString());
        assertThat(misspelled.getString("didYouMean")).isEqualTo("planet");
    }

    /**
     * The spelling check's answers are remembered (SpellingMemory), but never past a change that
     * makes a new look-alike searchable: the same search, repeated, finds a typo written after it,
     * whichever lane wrote it.
     */
    @Test
    void aRememberedSpellingCheckDoesNotHideATypoWrittenAfterIt() {
        assertNewTypoFound("Meteor", "Meteorr", CatalogEvents.TOPIC);
        assertNewTypoFound("Zeppelin", "Zeppelinn", CatalogEvents.BULK_TOPIC);
    }

    private static void assertNewTypoFound(String word, String typo, String topic) {
        String collection = COLLECTION + " " + word;
        Snapshot exact = new Snapshot(word + " over the harbour").collection(collection);
        Snapshot misspelled = new Snapshot("Night watch").summary("A " + typo + " was reported.").collection(collection);
        try (CatalogEvents catalog = new CatalogEvents(topic)) {
            catalog.send(exact.id(), exact.json());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> search(word, collection).<String>getList("hits.id").size() == 1);
        assertThat(search(word, collection).<String>getList("hits.id")).as("before the typo exists").containsExactly(exact.id().toString());

        try (CatalogEvents catalog = new CatalogEvents(topic)) {
            catalog.send(misspelled.id(), misspelled.json());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> search("night watch", collection).<String>getList("hits.id").size() == 1);
        assertThat(search(word, collection).<String>getList("hits.id")).as("%s finds the typo %s written after it was searched", word, typo)
                .containsExactlyInAnyOrder(exact.id().toString(), misspelled.id().toString());
    }

    private static JsonPath search(String q) {
        return search(q, COLLECTION);
    }

    private static JsonPath search(String q, String collection) {
        return given().queryParam("q", q).queryParam("collection", collection).queryParam("size", 50)
                .get("/api/v1/search").then().statusCode(200).extract().jsonPath();
    }
}
