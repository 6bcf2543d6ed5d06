package net.historyarchive.search.search;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import net.historyarchive.search.support.CatalogEvents;
import net.historyarchive.search.support.Snapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The search API through HTTP, over documents fed through Kafka into the view. */
@QuarkusTest
class SearchApiTest {

    private SearchFixture fixture;

    @BeforeEach
    void load() {
        fixture = SearchFixture.get();
    }

    // ---- matching ------------------------------------------------------------------------------

    @Test
    void findsTheSeedPageDocumentsForPyongyangWithTotalAndPositions() {
        // every seed document that mentions Pyongyang, and the fixture's telegram that lists it as a place
        long expected = fixture.samples.stream().filter(s -> s.toString().contains("Pyongyang")).count() + 1;
        JsonPath page = search(Map.of("q", "Pyongyang", "size", "3"));
        assertThat(page.getLong("total.value")).isEqualTo(expected);
        assertThat(page.getString("total.relation")).isEqualTo("eq");
        assertThat(page.getInt("from")).isEqualTo(1);
        assertThat(page.getInt("to")).isEqualTo(3);
        assertThat(page.getList("hits")).hasSize(3);
        JsonPath second = search(Map.of("q", "Pyongyang", "size", "3", "page", "2"));
        assertThat(second.getInt("from")).isEqualTo(4);
        assertThat(second.getList("hits.id")).doesNotContainAnyElementsOf(page.getList("hits.id"));
        assertThat(page.getString("hits[0].title")).isNotBlank();
        assertThat(page.getString("hits[0].date.start")).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void stemsEnglishWords() {
        assertThat(names(search(Map.of("q", "conversations wheat")))).containsExactly("accented");
        assertThat(names(search(Map.of("q", "deposit")))).contains("zirconSummary", "zirconBody");
    }

    @Test
    void ignoresAccentsInBothDirections() {
        assertThat(names(search(Map.of("q", "Mao Zedong wheat")))).containsExactly("accented");
        assertThat(names(search(Map.of("q", "Máo Zédōng")))).contains("accented").anyMatch(n -> n.startsWith("sample"));
        JsonPath hit = search(Map.of("q", "mao wheat"));
        assertThat(hit.getString("hits[0].highlights.title")).contains("<mark>Máo</mark>");
        assertThat(hit.getList("hits[0].highlights.people")).containsExactly("<mark>Máo</mark> Zédōng");
    }

    @Test
    void toleratesTheSeedDocumentsRealTypos() {
        // Every match on one page: many fixture documents hold "plenum" in a subject and tie in rank
        // with the seed documents, so which of them fill the first ten depends on their random ids.
        JsonPath result = search(Map.of("q", "plenum", "size", "100"));
        assertThat(result.getString("total.relation")).isEqualTo("eq");
        assertThat(result.getList("hits")).hasSize(result.getInt("total.value"));
        List<String> found = result.getList("hits.summary");
        assertThat(found).as(result.prettify()).anyMatch(s -> s != null && s.contains("Pllenum")).anyMatch(s -> s != null && s.contains("Plenun"));
    }

    @Test
    void aMisspelledQueryStillFindsAndSuggestsTheIndexedWord() {
        JsonPath misspelled = search(Map.of("q", "Pyongyag"));
        assertThat(misspelled.getString("didYouMean")).isEqualTo("pyongyang");
        assertThat(misspelled.getLong("total.value")).isPositive();
        assertThat(search(Map.of("q", "Pyongyang")).getString("didYouMean")).isNull();
    }

    @Test
    void exactPhrasesMatchOnlyAdjacentWords() {
        assertThat(names(search(Map.of("q", "\"green lantern\"")))).containsExactly("phraseAdjacent");
        assertThat(names(search(Map.of("q", "green lantern")))).containsExactly("phraseAdjacent", "phraseScattered");
    }

    @Test
    void orExclusionAndPrefix() {
        assertThat(names(search(Map.of("q", "falcon OR osprey")))).containsExactlyInAnyOrder("falcon", "osprey", "falconOsprey");
        assertThat(names(search(Map.of("q", "falcon -osprey")))).containsExactly("falcon");
        assertThat(names(search(Map.of("q", "telegram -(falcon OR osprey)")))).contains("ibisTelegram")
                .doesNotContain("falcon", "osprey", "falconOsprey");
        assertThat(names(search(Map.of("q", "falc*")))).containsExactlyInAnyOrder("falcon", "falconOsprey");
        assertThat(names(search(Map.of("q", "\"falcon and osprey\" OR kestrel")))).containsExactlyInAnyOrder("falconOsprey", "markup");
    }

    // ---- ranking -------------------------------------------------------------------------------

    @Test
    void ranksTitleAboveSummaryAboveBody() {
        JsonPath result = search(Map.of("q", "zircon"));
        assertThat(names(result)).containsExactly("zirconTitle", "zirconSummary", "zirconBody");
        List<Float> scores = result.getList("hits.score", Float.class);
        assertThat(scores).isSortedAccordingTo((a, b) -> Float.compare(b, a)).doesNotHaveDuplicates();
    }

    // ---- highlights ----------------------------------------------------------------------------

    @Test
    void highlightsShowWhichFieldMatchedAndEscapeStoredMarkup() {
        JsonPath body = search(Map.of("q", "zircon", "sort", "title"));
        Map<String, Object> bodyHit = body.getMap("hits.find { it.title == 'Annual report' }.highlights");
        assertThat(bodyHit).containsOnlyKeys("text");
        assertThat((String) bodyHit.get("text")).contains("<mark>Zircon</mark>");
        Map<String, Object> summaryHit = body.getMap("hits.find { it.title == 'Quarterly report' }.highlights");
        assertThat(summaryHit).containsOnlyKeys("summary");
        JsonPath everywhere = search(Map.of("q", "garnet"));
        assertThat(everywhere.getMap("hits[0].highlights")).as("the body matched too, but title and summary already show it")
                .containsOnlyKeys("title", "summary");

        JsonPath markup = search(Map.of("q", "kestrel"));
        assertThat(markup.getString("hits[0].highlights.title"))
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; <mark>Kestrel</mark> memo");
        assertThat(markup.getString("hits[0].highlights.summary")).isEqualTo("<mark>Kestrel</mark> &amp; co.");
        assertThat(markup.getString("hits[0].title")).isEqualTo("<script>alert(1)</script> Kestrel memo");
    }

    // ---- filters -------------------------------------------------------------------------------

    @Test
    void dateRangesOverlapOrLieWithinAndUndatedIsIncludedOnRequest() {
        Map<String, String> june1950 = Map.of("q", "heron", "dateFrom", "1950-06", "dateTo", "1950-06");
        assertThat(names(search(june1950))).containsExactlyInAnyOrder("heronYear", "heronMonth", "heronDay");
        assertThat(names(search(with(june1950, "dateMatch", "within")))).containsExactlyInAnyOrder("heronMonth", "heronDay");
        assertThat(names(search(with(june1950, "undated", "include")))).containsExactlyInAnyOrder("heronYear", "heronMonth", "heronDay", "heronUndated");
        assertThat(names(search(Map.of("q", "heron", "undated", "only")))).containsExactly("heronUndated");
        assertThat(names(search(Map.of("q", "heron", "undated", "exclude")))).hasSize(4).doesNotContain("heronUndated");
        assertThat(names(search(Map.of("q", "heron", "dateFrom", "1955")))).containsExactly("heronLater");
    }

    @Test
    void filtersByEveryField() {
        assertThat(names(search(Map.of("q", "ibis", "type", "LETTER")))).containsExactlyInAnyOrder("ibisLetterZh", "ibisLetterRu");
        assertThat(names(search(Map.of("q", "ibis", "language", "ru")))).containsExactlyInAnyOrder("ibisTelegram", "ibisLetterRu");
        assertThat(names(search(Map.of("q", "ibis", "person", "Kim Il Sung")))).containsExactlyInAnyOrder("ibisTelegram", "ibisLetterRu");
        assertThat(names(search(Map.of("q", "ibis", "place", "Beijing")))).containsExactly("ibisLetterZh");
        assertThat(names(search(Map.of("q", "ibis", "subject", "Land reform")))).containsExactlyInAnyOrder("ibisTelegram", "ibisLetterZh");
        assertThat(names(search(Map.of("q", "ibis", "hasTranslation", "true")))).containsExactly("ibisTelegram");
        assertThat(names(search(Map.of("q", "ibis", "hasTranslation", "false")))).containsExactlyInAnyOrder("ibisLetterZh", "ibisLetterRu");
        assertThat(names(search(Map.of("q", "ibis", "type", "LETTER", "language", "ru")))).containsExactly("ibisLetterRu");
        assertThat(names(search(Map.of("q", "ibis", "type", "NO_SUCH_TYPE")))).isEmpty();
        // several values of one filter are alternatives
        assertThat(names(given().queryParam("q", "ibis").queryParam("collection", SearchFixture.COLLECTION)
                .queryParam("place", "Beijing").queryParam("place", "Moscow").get("/api/v1/search").then().statusCode(200)
                .extract().jsonPath())).containsExactlyInAnyOrder("ibisLetterZh", "ibisLetterRu");
    }

    @Test
    void facetsCountTheCurrentResultSet() {
        JsonPath all = search(Map.of("q", "ibis", "facets", "type,person,language,place,subject,decade,hasTranslation"));
        assertThat(facet(all, "type")).containsExactly(Map.entry("LETTER", 2), Map.entry("TELEGRAM", 1));
        assertThat(facet(all, "person")).containsExactly(Map.entry("Kim Il Sung", 2), Map.entry("Zhou Enlai", 1));
        assertThat(facet(all, "language")).containsExactly(Map.entry("ru", 2), Map.entry("zh", 1));
        assertThat(facet(all, "decade")).containsExactly(Map.entry("1950s", 3));
        assertThat(facet(all, "hasTranslation")).containsExactly(Map.entry("false", 2), Map.entry("true", 1));
        assertThat(all.getBoolean("facetsComplete")).isTrue();
        assertThat(all.getMap("facets")).containsOnlyKeys("type", "person", "language", "place", "subject", "decade", "hasTranslation");

        JsonPath narrowed = search(Map.of("q", "ibis", "language", "ru", "facets", "type"));
        assertThat(facet(narrowed, "type")).containsExactly(Map.entry("LETTER", 1), Map.entry("TELEGRAM", 1));
        assertThat(narrowed.getMap("facets")).containsOnlyKeys("type");
        assertThat(search(Map.of("q", "ibis", "facets", "none")).getMap("facets")).isEmpty();
    }

    // ---- sorting and paging --------------------------------------------------------------------

    @Test
    void sortsByDateEitherWayWithUndatedLastAndByTitle() {
        assertThat(names(search(Map.of("q", "heron", "sort", "date-asc"))))
                .containsExactly("heronYear", "heronMonth", "heronDay", "heronLater", "heronUndated");
        assertThat(names(search(Map.of("q", "heron", "sort", "date-desc"))))
                .containsExactly("heronLater", "heronDay", "heronMonth", "heronYear", "heronUndated");
        assertThat(names(search(Map.of("q", "heron OR zircon", "sort", "title"))))
                .containsExactly("zirconBody", "heronYear", "heronMonth", "heronDay", "heronLater", "heronUndated", "zirconSummary", "zirconTitle");
    }

    @Test
    void dateOrderWithADateFilterKeepsDocumentsThatStartBeforeTheWindow() {
        Map<String, String> june1950 = Map.of("q", "heron", "dateFrom", "1950-06", "dateTo", "1950-06", "sort", "date-asc");
        // heronYear (all of 1950) starts before the window and overlaps it, so it comes first
        assertThat(names(search(june1950))).containsExactly("heronYear", "heronMonth", "heronDay");
        assertThat(names(search(with(june1950, "undated", "include")))).containsExactly("heronYear", "heronMonth", "heronDay", "heronUndated");
        assertThat(names(search(with(june1950, "dateMatch", "within")))).containsExactly("heronMonth", "heronDay");
        assertThat(names(search(with(with(june1950, "size", "1"), "page", "2")))).containsExactly("heronMonth");
        assertThat(names(search(with(june1950, "sort", "date-desc")))).containsExactly("heronDay", "heronMonth", "heronYear");
        assertThat(names(search(Map.of("q", "heron", "dateTo", "1955", "sort", "date-desc"))))
                .containsExactly("heronDay", "heronMonth", "heronYear");
        assertThat(names(search(Map.of("q", "heron", "dateFrom", "1950-06", "dateMatch", "within", "sort", "date-asc"))))
                .containsExactly("heronMonth", "heronDay", "heronLater");
        // browsing (no words) takes the same path
        assertThat(names(search(Map.of("collection", SearchFixture.COLLECTION, "dateFrom", "1950-06", "dateTo", "1950-06", "sort", "date-asc"))))
                .containsExactly("heronYear", "heronMonth", "heronDay");
    }

    @Test
    void browsingWithoutAQuerySortsByDate() {
        JsonPath all = search(Map.of("size", "100"));
        assertThat(all.getLong("total.value")).isEqualTo(fixture.ids.size());
        assertThat(all.getList("hits")).hasSize(fixture.ids.size());
        assertThat(all.getList("hits.findAll { it.score != null }")).isEmpty(); // no relevance without a query
        List<String> starts = all.getList("hits.collect { it.date?.start }");
        List<String> dated = starts.stream().takeWhile(s -> s != null).toList();
        assertThat(dated).hasSizeGreaterThan(10).isSorted();
        assertThat(starts.subList(dated.size(), starts.size())).as("undated last").isNotEmpty().containsOnlyNulls();
    }

    @Test
    void theCursorWalksEveryDocumentOnceWhileDocumentsAreAdded() {
        String collection = "Cursor test " + java.util.UUID.randomUUID();
        List<Snapshot> originals = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            Snapshot document = new Snapshot("Plover report " + (char) ('a' + i) + (i % 3 == 0 ? " plover" : ""))
                    .collection(collection);
            originals.add(i == 5 ? document : document.date(String.valueOf(1940 + i * 3)));
        }
        try (CatalogEvents catalog = new CatalogEvents()) {
            originals.forEach(d -> catalog.send(d.id(), d.json()));
            await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("collection", collection)
                    .get("/api/v1/search").then().extract().jsonPath().getLong("total.value") == originals.size());
            Set<String> expected = new HashSet<>(originals.stream().map(d -> d.id().toString()).toList());
            for (String sort : List.of("date-asc", "date-desc", "title", "relevance")) {
                List<String> seen = new ArrayList<>();
                String cursor = null;
                int pages = 0;
                do {
                    RequestSpecification request = given().queryParam("collection", collection).queryParam("sort", sort)
                            .queryParam("size", 3);
                    if (sort.equals("relevance")) {
                        request.queryParam("q", "plover");
                    }
                    if (cursor != null) {
                        request.queryParam("cursor", cursor);
                    }
                    JsonPath page = request.get("/api/v1/search").then().statusCode(200).extract().jsonPath();
                    seen.addAll(page.getList("hits.id"));
                    cursor = page.getString("nextCursor");
                    if (pages++ == 1) { // new documents land before and after the cursor's position
                        for (String date : List.of("1901", "1999")) {
                            Snapshot added = new Snapshot("Plover report added " + date + " plover").date(date).collection(collection);
                            catalog.send(added.id(), added.json());
                            await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/v1/documents/" + added.id()).statusCode() == 200);
                        }
                    }
                } while (cursor != null && pages < 50);
                assertThat(seen).as(sort).doesNotHaveDuplicates().containsAll(expected);
            }
        }
    }

    // ---- suggestions ---------------------------------------------------------------------------

    @Test
    void suggestsPeoplePlacesAndTitlesAsTheUserTypes() {
        JsonPath places = given().queryParam("q", "pyong").queryParam("kind", "place").get("/api/v1/suggestions")
                .then().statusCode(200).extract().jsonPath();
        assertThat(places.getList("suggestions.value")).contains("Pyongyang");
        assertThat(places.getList("suggestions.kind")).containsOnly("place");
        JsonPath people = given().queryParam("q", "il su").queryParam("kind", "person").get("/api/v1/suggestions")
                .then().statusCode(200).extract().jsonPath();
        assertThat(people.getList("suggestions.value")).contains("Kim Il Sung");
        JsonPath accent = given().queryParam("q", "mao z").get("/api/v1/suggestions").then().statusCode(200).extract().jsonPath();
        assertThat(accent.getList("suggestions.value")).contains("Máo Zédōng");
        JsonPath titles = given().queryParam("q", "zirc").queryParam("kind", "title").get("/api/v1/suggestions")
                .then().statusCode(200).extract().jsonPath();
        assertThat(titles.getList("suggestions.value")).contains("Zircon mining report");
        assertThat(titles.getString("suggestions[0].documentId")).isNotNull();
        JsonPath wholeWord = given().queryParam("q", "conversations wh").queryParam("kind", "title").get("/api/v1/suggestions")
                .then().statusCode(200).extract().jsonPath();
        assertThat(wholeWord.getList("suggestions.value")).contains("Conversation with Máo Zédōng about wheat");
        given().queryParam("q", "100%_\\'\"&|!:*()").get("/api/v1/suggestions").then().statusCode(200);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private JsonPath search(Map<String, String> parameters) {
        return given().queryParams(parameters).queryParam("collection", SearchFixture.COLLECTION)
                .get("/api/v1/search").then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    private List<String> names(JsonPath result) {
        return result.<String>getList("hits.id").stream().map(fixture::name).toList();
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> copy = new java.util.HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private static List<Map.Entry<String, Integer>> facet(JsonPath result, String name) {
        List<Map<String, Object>> values = result.getList("facets." + name);
        return values.stream().map(v -> Map.entry((String) v.get("value"), (Integer) v.get("count"))).toList();
    }
}
