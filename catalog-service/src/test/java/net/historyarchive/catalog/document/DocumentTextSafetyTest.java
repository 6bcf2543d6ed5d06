package net.historyarchive.catalog.document;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.historyarchive.catalog.support.Api;
import net.historyarchive.catalog.support.CatalogDb;
import net.historyarchive.catalog.support.RejectedWrites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.restassured.RestAssured.given;
import static net.historyarchive.catalog.support.Api.DOCUMENTS;
import static net.historyarchive.catalog.support.Api.jsonBody;
import static net.historyarchive.catalog.support.Problems.invalidField;
import static net.historyarchive.catalog.support.Problems.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Text that PostgreSQL cannot store or that is invisible corruption is rejected; every other
 * Unicode text is stored exactly, in NFC.
 */
@QuarkusTest
class DocumentTextSafetyTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aNulCharacterIsRejected() {
        // The JSON escape backslash-u-0000, not a raw byte: valid JSON, but not storable text.
        reject("{\"title\": \"Tele\\u0000gram\"}", "title").body("errors[0].message", containsString("U+0000"));
        reject("{\"title\": \"T\", \"people\": [\"Kim\\u0000\"]}", "people[0]");
        reject("{\"title\": \"T\", \"texts\": [{\"kind\": \"ORIGINAL\", \"language\": \"ru\", \"body\": \"a\\u0000b\"}]}",
                "texts[0].body");
    }

    @Test
    void anUnpairedSurrogateIsRejected() {
        reject("{\"title\": \"Broken \\ud800 text\"}", "title").body("errors[0].message", containsString("surrogate"));
        reject("{\"title\": \"Trailing \\udc00\"}", "title");
        reject("{\"title\": \"T\", \"summary\": \"ends with \\ud83d\"}", "summary");
    }

    @ParameterizedTest(name = "control character U+{0}")
    @ValueSource(strings = {"0001", "0008", "001b", "007f"})
    void otherControlCharactersAreRejected(String hex) {
        reject("{\"title\": \"bell\\u" + hex + "\"}", "title");
    }

    @Test
    void aPatchWithANulCharacterIsRejected() {
        String id = Api.createDocumentTitled("Clean");
        String path = DOCUMENTS + "/" + id;
        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> Api.patchDocument(id, "\"1\"", "{\"summary\": \"x\\u0000\"}").then())
                .spec(invalidField(path, "summary"));
        given().get(path).then().header("ETag", "\"1\"");
    }

    @Test
    void rawInvalidUtf8IsRejectedAsMalformed() {
        byte[] body = {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> Api.asArchivist().contentType(Api.JSON).body(body).post(DOCUMENTS).then())
                .spec(problem(400, "malformed-request", DOCUMENTS));
    }

    @Test
    void decomposedAccentsAreStoredInNfc() {
        String id = Api.createDocument("{\"title\": \"Ma\u0301o Ze\u0301dong\", \"people\": [\"Ma\u0301o\"]}");
        given().get(DOCUMENTS + "/" + id).then().statusCode(200)
                .body("title", equalTo("M\u00e1o Z\u00e9dong"))
                .body("people[0]", equalTo("M\u00e1o"));
    }

    @Test
    void decomposedAccentsAsJsonEscapesAreStoredInNfc() {
        String id = Api.createDocument("{\"title\": \"Ma\\u0301o\"}");
        given().get(DOCUMENTS + "/" + id).then().body("title", equalTo("Máo"));
    }

    @Test
    void emojiArabicCjkCyrillicAndHangulRoundTripExactly() {
        String title = "Letter 📜🇰🇵 — رسالة من القاهرة — 毛泽东致金日成 — Письмо — 김일성 — 𠀋";
        String people = "عبد الناصر";
        String id = Api.createDocument("{\"title\": " + Api.quote(title) + ", \"people\": [" + Api.quote(people)
                + "], \"texts\": [{\"kind\": \"ORIGINAL\", \"language\": \"ar\", \"body\": " + Api.quote(people + "\n\tسطر") + "}]}");
        given().get(DOCUMENTS + "/" + id).then().statusCode(200)
                .body("title", equalTo(title))
                .body("people", equalTo(List.of(people)))
                .body("texts[0].body", equalTo(people + "\n\tسطر"));
    }

    @Test
    void emojiSentAsSurrogatePairEscapesAreAccepted() {
        String id = Api.createDocument("{\"title\": \"Scroll \\ud83d\\udcdc\"}");
        given().get(DOCUMENTS + "/" + id).then().body("title", equalTo("Scroll 📜"));
    }

    @Test
    void nfcNormalisationAppliesToPatchesToo() {
        String id = Api.createDocumentTitled("Plain");
        Api.patchDocument(id, "\"1\"", "{\"title\": \"Ma\u0301o\"}").then().statusCode(200).body("title", equalTo("Máo"));
    }

    private io.restassured.response.ValidatableResponse reject(String body, String field) {
        return new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> jsonBody(body).post(DOCUMENTS).then())
                .spec(invalidField(DOCUMENTS, field));
    }
}
