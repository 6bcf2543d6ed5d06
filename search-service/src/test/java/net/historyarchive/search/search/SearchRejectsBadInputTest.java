package net.historyarchive.search.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import net.historyarchive.search.support.CatalogEvents;
import net.historyarchive.search.support.ProblemContract;
import net.historyarchive.search.support.Snapshot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Query syntax errors and bad parameters are 400 problem+json; odd characters are just text. */
@QuarkusTest
class SearchRejectsBadInputTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"unclosed phrase      | Unclosed quote at position 1",
            "(korea                 | Unclosed '(' at position 1",
            "korea)                 | Unexpected ')'",
            "korea OR               | OR needs a term on both sides",
            "OR korea               | OR needs a term on both sides",
            "korea OR OR china      | OR needs a term on both sides",
            "-korea                 | only excludes terms",
            "korea - china          | Nothing to exclude after '-'",
            "()                     | Empty parentheses",
            "k*                     | at least 2 letters",
            "*:*                    | at least 2 letters"})
    void syntaxErrorsAreExplained(String query, String message) {
        problem(given().queryParam("q", query).get("/api/v1/search"), 400, "invalid-query")
                .body("detail", containsString(message))
                .body("errors[0].field", equalTo("q"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "size       | 0",
            "size       | 101",
            "size       | ten",
            "page       | 0",
            "page       | -1",
            "sort       | newest",
            "dateFrom   | 1956-13",
            "dateFrom   | 1956-02-30",
            "dateTo     | yesterday",
            "dateMatch  | near",
            "undated    | maybe",
            "language   | Russian",
            "facets     | colour",
            "facetSize  | 0",
            "hasTranslation | yes",
            "cursor     | not-a-cursor",
            "flavour    | vanilla"})
    void badParametersAreNamed(String parameter, String value) {
        problem(given().queryParam(parameter, value).get("/api/v1/search"), 400, "validation-failed")
                .body("errors.field", hasItem(parameter));
    }

    @Test
    void everyBadParameterIsReportedAtOnce() {
        problem(given().queryParams(Map.of("size", "0", "sort", "x", "colour", "red")).get("/api/v1/search"), 400, "validation-failed")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("colour", "size", "sort"))
                .body("detail", equalTo("3 parameters are invalid"));
    }

    @Test
    void pagingRulesAreEnforced() {
        problem(given().queryParam("page", 2).queryParam("cursor", "abc").get("/api/v1/search"), 400, "validation-failed")
                .body("errors.field", hasItem("page"));
        problem(given().queryParam("page", 101).queryParam("size", 100).get("/api/v1/search"), 400, "validation-failed")
                .body("detail", containsString("nextCursor"));
        problem(given().queryParam("sort", "relevance").get("/api/v1/search"), 400, "validation-failed");
        problem(given().queryParam("size", 1).queryParam("size", 2).get("/api/v1/search"), 400, "validation-failed");
        problem(given().queryParam("dateFrom", "1960").queryParam("dateTo", "1950").get("/api/v1/search"), 400, "validation-failed");
    }

    @Test
    void aCursorOnlyContinuesTheSearchItCameFrom() {
        String cursor = given().queryParam("size", 1).get("/api/v1/search").then().statusCode(200).extract().path("nextCursor");
        assertThat(cursor).isNotNull();
        given().queryParam("size", 1).queryParam("cursor", cursor).get("/api/v1/search").then().statusCode(200);
        problem(given().queryParam("size", 1).queryParam("cursor", cursor).queryParam("sort", "title").get("/api/v1/search"),
                400, "validation-failed").body("detail", containsString("different query"));
    }

    /** A numbered relevance page's cursor holds a rank; a forged one past the page window is refused, not sent to the engine. */
    @Test
    void aForgedRankCursorIsRejected() throws Exception {
        String word = "zqrank" + System.nanoTime();
        List<Snapshot> documents = List.of(new Snapshot("First " + word), new Snapshot("Second " + word));
        try (CatalogEvents catalog = new CatalogEvents()) {
            documents.forEach(d -> catalog.send(d.id(), d.json()));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> given().queryParam("q", word).get("/api/v1/search").then().statusCode(200)
                .extract().jsonPath().getInt("total.value") == 2);
        String cursor = given().queryParam("q", word).queryParam("size", 1).get("/api/v1/search").then().statusCode(200)
                .extract().path("nextCursor");
        assertThat(cursor).isNotNull();
        ObjectMapper json = new ObjectMapper();
        ObjectNode token = (ObjectNode) json.readTree(Base64.getUrlDecoder().decode(cursor));
        assertThat(token.path("r").asLong()).as("a numbered page's cursor continues by rank").isEqualTo(1);
        token.put("r", 1_000_000_000L);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(token));
        problem(given().queryParam("q", word).queryParam("size", 1).queryParam("cursor", forged).get("/api/v1/search"),
                400, "validation-failed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Pyongyang & Beijing", "korea | china", "!korea", "korea:*", "korea:A", "it's", "O'Brien's memo",
            "back\\slash", "a\\\"b", "&&&", "|||", "!!!", ":", "'", "\\", "<->", "korea <-> china", "1956:09", "foo(bar)baz",
            "\"\"", "\" \"", "Ким Ир Сен", "金日成", "김일성", "مرحبا", "e\u0301te\u0301", "😀 korea", "ﬁnance", "the of and",
            "korea-", "--korea", "korea*china", "%_%", "'; DROP TABLE document_view; --", "$1", "?", "korea\u200bchina"})
    void searchSyntaxCharactersAndOddUnicodeAreSafe(String query) {
        int status = given().queryParam("q", query).get("/api/v1/search").then().extract().statusCode();
        assertThat(status).as(query).isIn(200, 400);
        if (status == 400) {
            problem(given().queryParam("q", query).get("/api/v1/search"), 400, "invalid-query");
        }
        given().queryParam("q", "Pyongyang").get("/api/v1/search").then().statusCode(200);
    }

    @Test
    void controlCharactersAndOverlongQueriesAreRejected() {
        problem(given().queryParam("q", "korea\u0000").get("/api/v1/search"), 400, "validation-failed");
        problem(given().queryParam("q", "korea ".repeat(100)).get("/api/v1/search"), 400, "validation-failed");
        problem(given().queryParam("q", String.join(" ", List.of("a1 b2 c3 d4 e5 f6 g7 h8 i9 j10 k11 l12 m13 n14 o15 p16 q17 r18 s19 t20 "
                + "u21 v22 w23 x24 y25 z26 aa27 bb28 cc29 dd30 ee31 ff32 gg33"))).get("/api/v1/search"), 400, "invalid-query");
    }

    @Test
    void suggestionsRejectBadInput() {
        problem(given().get("/api/v1/suggestions"), 400, "validation-failed");
        problem(given().queryParam("q", "pyo").queryParam("kind", "colour").get("/api/v1/suggestions"), 400, "validation-failed");
        problem(given().queryParam("q", "pyo").queryParam("size", "99").get("/api/v1/suggestions"), 400, "validation-failed");
        problem(given().queryParam("q", "pyo").queryParam("limit", "5").get("/api/v1/suggestions"), 400, "validation-failed");
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        problem(given().get("/api/v1/nothing-here"), 404, "not-found");
        problem(given().get("/api/v1/documents/not-a-uuid"), 404, "not-found");
        problem(given().contentType("application/json").body("{}").post("/api/v1/search"), 405, "method-not-allowed");
    }

    private static ValidatableResponse problem(io.restassured.response.Response response, int status, String type) {
        return response.then().statusCode(status).contentType("application/problem+json")
                .body("type", equalTo("urn:historyarchive:problem:" + type))
                .body("status", equalTo(status))
                .body("title", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()))
                .body(ProblemContract.conforms());
    }
}
