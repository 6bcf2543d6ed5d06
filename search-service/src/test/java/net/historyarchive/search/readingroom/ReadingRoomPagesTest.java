package net.historyarchive.search.readingroom;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** What the reading room's pages send, checked on the wire: headers, status codes, markup rules. */
@QuarkusTest
@TestProfile(ReadingRoomProfile.class)
class ReadingRoomPagesTest {

    private static final Pattern SCRIPT = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL);

    private ReadingRoomDocuments documents;

    @BeforeEach
    void load() {
        documents = ReadingRoomDocuments.get();
    }

    @Test
    void pagesForbidInlineScriptsAndStylesAndThirdParties() {
        for (String page : List.of("/?q=Pyongyang", "/documents/" + documents.id(ReadingRoomDocuments.FULL_RECORD_TITLE),
                "/documents/" + documents.id(ReadingRoomDocuments.HOSTILE_TITLE), "/?dateFrom=nonsense", "/documents/nonsense")) {
            Response response = given().get(page);
            String policy = response.header("Content-Security-Policy");
            assertThat(policy).as(page).contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:", "*");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.contentType()).startsWith("text/html");
            String html = response.asString();
            assertThat(html).as(page).doesNotContainIgnoringCase(" style=").doesNotContainIgnoringCase("<style")
                    .doesNotContainPattern("(?i)\\son[a-z]+=");
            assertThat(html).as("no resource from another site").doesNotContainPattern("(?i)\\ssrc=\"(https?:)?//")
                    .doesNotContainPattern("(?i)<link[^>]*href=\"(?!/|http://localhost:)");
            Matcher scripts = SCRIPT.matcher(html);
            while (scripts.find()) {
                assertThat(scripts.group(1)).as("every script is a file of this site or JSON-LD data")
                        .matches(" src=\"/reading-room/reading-room.js\" defer| type=\"application/ld\\+json\"");
            }
        }
    }

    @Test
    void theJsonLdOfAHostileTitleCannotCloseItsScriptElement() {
        String html = given().get("/documents/" + documents.id(ReadingRoomDocuments.HOSTILE_TITLE)).then().statusCode(200).extract().asString();
        Matcher scripts = SCRIPT.matcher(html);
        assertThat(scripts.find()).isTrue();
        scripts.find(); // the first is the page's script file, the second the JSON-LD
        assertThat(scripts.group(2)).contains("\\u003cscript>alert(1)\\u003c/script> Osprey memo").doesNotContain("<");
        assertThat(html).contains("<h1 id=\"document-title\">&lt;script&gt;alert(1)&lt;/script&gt; Osprey memo</h1>");
    }

    @Test
    void badInputIsAClientErrorPageNeverAServerError() {
        given().get("/?dateFrom=1956-02-30").then().statusCode(400);
        given().queryParam("q", "\"unclosed").get("/").then().statusCode(400);
        given().get("/?page=0").then().statusCode(400);
        given().get("/?page=1001").then().statusCode(400);
        given().get("/?sort=sideways").then().statusCode(400);
        given().queryParam("q", "a\u0001b").get("/").then().statusCode(400);
        given().get("/documents/not-a-uuid").then().statusCode(404);
        given().get("/documents/00000000-0000-0000-0000-000000000000").then().statusCode(404);
        // a parameter the reading room does not use (a tracking tag on a shared link) is ignored
        given().get("/?q=Pyongyang&utm_source=newsletter").then().statusCode(200);
    }

    @Test
    void theScriptAndStyleSheetAreServedFromTheSite() {
        given().get("/reading-room/reading-room.js").then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("javascript"));
        given().get("/reading-room/reading-room.css").then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("css"));
    }
}
