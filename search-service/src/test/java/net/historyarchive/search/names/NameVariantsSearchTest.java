package net.historyarchive.search.names;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import net.historyarchive.search.support.CatalogEvents;
import net.historyarchive.search.support.Snapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One test per line of the repository's names/name-variants.txt, generated from the file: a
 * document for every spelling of the name (as listed, and the preferred form run together), sent
 * through Kafka; then a search under each spelling, and typed with hyphens instead of spaces, finds
 * every one of them, highlights the spelling each document uses, and the person facet and filter
 * group them under the preferred form.
 */
@QuarkusTest
class NameVariantsSearchTest {

    private static final String COLLECTION = "Name variants " + UUID.randomUUID();
    /** Per preferred form: the document ids by the spelling each is written in. */
    private static Map<String, Map<String, UUID>> documents;

    static List<String> entries() {
        return NameVariantsFile.bundled().stream().map(NameEntry::preferred).toList();
    }

    @BeforeEach
    void load() {
        synchronized (NameVariantsSearchTest.class) {
            if (documents != null) {
                return;
            }
            Map<String, Map<String, UUID>> sent = new LinkedHashMap<>();
            try (CatalogEvents catalog = new CatalogEvents()) {
                for (NameEntry entry : NameVariantsFile.bundled()) {
                    Map<String, UUID> bySpelling = new LinkedHashMap<>();
                    for (String spelling : writtenForms(entry)) {
                        Snapshot doc = new Snapshot("Memorandum naming " + spelling).people(spelling).collection(COLLECTION);
                        catalog.send(doc.id(), doc.json());
                        bySpelling.put(spelling, doc.id());
                    }
                    sent.put(entry.preferred(), bySpelling);
                }
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> sent.values().stream().flatMap(m -> m.values().stream())
                    .allMatch(id -> given().get("/api/v1/documents/" + id).statusCode() == 200));
            documents = sent;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void everySpellingFindsEveryOtherAndFacetsGroupThem(String preferred) {
        NameEntry entry = NameVariantsFile.bundled().stream().filter(e -> e.preferred().equals(preferred)).findFirst().orElseThrow();
        Map<String, UUID> written = documents.get(preferred);
        List<String> expected = written.values().stream().map(UUID::toString).toList();
        List<String> typed = new ArrayList<>(entry.spellings());
        typed.add(preferred.replace(' ', '-'));
        for (String query : typed) {
            JsonPath found = search(Map.of("q", query));
            assertThat(found.getList("hits.id", String.class)).as("q=%s", query).containsExactlyInAnyOrderElementsOf(expected);
            for (Map.Entry<String, UUID> doc : written.entrySet()) {
                String highlighted = found.getString("hits.find { it.id == '" + doc.getValue() + "' }.highlights.people[0]");
                assertThat(highlighted).as("q=%s, document written %s", query, doc.getKey()).contains("<mark>");
                // highlights are HTML: the apostrophes of Wade-Giles and McCune-Reischauer come escaped
                assertThat(highlighted.replace("<mark>", "").replace("</mark>", "").replace("&#39;", "'")).isEqualTo(doc.getKey());
            }
            assertThat(found.getList("facets.person.value", String.class)).as("q=%s", query).containsExactly(preferred);
            assertThat(found.getList("facets.person.count", Integer.class)).containsExactly(expected.size());
        }
        for (String spelling : entry.spellings()) {
            JsonPath filtered = search(Map.of("person", spelling));
            assertThat(filtered.getList("hits.id", String.class)).as("person=%s", spelling).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /** The spellings as listed, and the preferred form with its given name run together ("Kim Ilsung"). */
    static List<String> writtenForms(NameEntry entry) {
        List<String> forms = new ArrayList<>(entry.spellings());
        String[] parts = entry.preferred().split("[\\s-]+");
        if (parts.length > 2) {
            forms.add(parts[0] + " " + String.join("", List.of(parts).subList(1, parts.length)));
        }
        return forms;
    }

    private static JsonPath search(Map<String, String> params) {
        return given().queryParams(params).queryParam("collection", COLLECTION).queryParam("size", "100")
                .queryParam("facets", "person").get("/api/v1/search").then().statusCode(200).extract().jsonPath();
    }
}
