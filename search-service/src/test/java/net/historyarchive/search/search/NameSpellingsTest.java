package net.historyarchive.search.search;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The seed page's documents write "Kim Il Sung"; a reader types the usual English "Kim Il-sung". */
@QuarkusTest
class NameSpellingsTest {

    private SearchFixture fixture;

    @BeforeEach
    void load() {
        fixture = SearchFixture.get();
    }

    @Test
    void kimIlSungHyphenatedFindsTheSeedDocumentsThatWriteKimIlSung() {
        long seedWithKim = fixture.samples.stream().filter(s -> s.path("people").toString().contains("Kim Il Sung")).count();
        assertThat(seedWithKim).isPositive();
        for (String typed : List.of("Kim Il-sung", "Kim Ilsung", "Kim Il-sŏng", "\"Kim Il-sung\"")) {
            JsonPath found = search(Map.of("q", typed, "size", "100"));
            List<String> names = names(found);
            assertThat(names).as("q=%s", typed).contains("ibisTelegram", "ibisLetterRu");
            assertThat(names.stream().filter(n -> n.startsWith("sample")).count()).as("q=%s", typed).isGreaterThanOrEqualTo(seedWithKim);
            // the highlight marks the spelling the document uses
            assertThat(found.getString("hits.find { it.id == '" + fixture.id("ibisTelegram") + "' }.highlights.people[0]"))
                    .isEqualTo("<mark>Kim</mark> <mark>Il</mark> <mark>Sung</mark>");
        }
    }

    @Test
    void aNameInAnotherSpellingStillNeedsTheQuerysOtherWords() {
        assertThat(names(search(Map.of("q", "Kim Il-sung ibis letter")))).containsExactlyInAnyOrder("ibisLetterRu");
        assertThat(names(search(Map.of("q", "Kim Il-sung -ibis")))).doesNotContain("ibisTelegram", "ibisLetterRu").isNotEmpty();
    }

    @Test
    void filtersAndFacetsTakeAnySpellingAndShowThePreferredForm() {
        assertThat(names(search(Map.of("q", "ibis", "person", "Kim Il-sung")))).containsExactlyInAnyOrder("ibisTelegram", "ibisLetterRu");
        assertThat(names(search(Map.of("q", "ibis", "place", "P'yŏngyang")))).containsExactly("ibisTelegram");
        assertThat(names(search(Map.of("q", "ibis", "place", "Peking")))).containsExactly("ibisLetterZh");
        JsonPath facets = search(Map.of("q", "Mao Tse-tung wheat", "facets", "person"));
        assertThat(names(facets)).containsExactly("accented");
        assertThat(facets.getList("facets.person.value", String.class)).containsExactly("Mao Zedong");
    }

    private JsonPath search(Map<String, String> parameters) {
        return given().queryParams(parameters).queryParam("collection", SearchFixture.COLLECTION)
                .get("/api/v1/search").then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    private List<String> names(JsonPath result) {
        return result.<String>getList("hits.id").stream().map(fixture::name).toList();
    }
}
