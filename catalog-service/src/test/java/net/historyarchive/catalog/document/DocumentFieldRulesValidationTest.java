package net.historyarchive.catalog.document;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import net.historyarchive.catalog.support.Api;
import net.historyarchive.catalog.support.CatalogDb;
import net.historyarchive.catalog.support.RejectedWrites;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static net.historyarchive.catalog.support.Api.DOCUMENTS;
import static net.historyarchive.catalog.support.Api.jsonBody;
import static net.historyarchive.catalog.support.Problems.invalidField;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Field rules beyond JSON types: sizes, required fields, codes, URIs and references that must exist. */
@QuarkusTest
class DocumentFieldRulesValidationTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aTitleOf1001CharactersIsRejectedAnd1000Accepted() {
        create("{\"title\": \"" + "a".repeat(1001) + "\"}", "title");
        jsonBody("{\"title\": \"" + "a".repeat(1000) + "\"}").post(DOCUMENTS)
                .then().statusCode(201).body("title.length()", equalTo(1000));
    }

    @Test
    void aMissingNullEmptyOrBlankTitleIsRejected() {
        create("{\"summary\": \"no title\"}", "title");
        create("{\"title\": null}", "title");
        create("{\"title\": \"\"}", "title");
        create("{\"title\": \"  \\t \"}", "title");
    }

    @Test
    void anOverlongSummaryIsRejected() {
        create("{\"title\": \"T\", \"summary\": \"" + "s".repeat(20001) + "\"}", "summary");
    }

    @Test
    void tooManyListItemsAreRejected() {
        create("{\"title\": \"T\", \"languages\": [" + String.join(",", Collections.nCopies(21, "\"ru\"")) + "]}", "languages");
        create("{\"title\": \"T\", \"subjects\": [" + items("s", 201) + "]}", "subjects");
        create("{\"title\": \"T\", \"places\": [" + items("p", 201) + "]}", "places");
        create("{\"title\": \"T\", \"people\": [" + items("p", 501) + "]}", "people");
    }

    @Test
    void blankOrOverlongListItemsAreRejectedByIndex() {
        create("{\"title\": \"T\", \"people\": [\"Mao Zedong\", \" \"]}", "people[1]");
        create("{\"title\": \"T\", \"subjects\": [\"" + "x".repeat(301) + "\"]}", "subjects[0]");
        create("{\"title\": \"T\", \"places\": [null]}", "places[0]");
    }

    @Test
    void anInvalidLanguageCodeIsRejected() {
        create("{\"title\": \"T\", \"languages\": [\"ru\", \"russian\"]}", "languages[1]")
                .body("errors[0].message", containsString("ISO 639"));
        create("{\"title\": \"T\", \"languages\": [\"RU\"]}", "languages[0]");
        create("{\"title\": \"T\", \"languages\": [\"xx\"]}", "languages[0]");
    }

    @Test
    void twoAndThreeLetterLanguageCodesAreAccepted() {
        jsonBody("{\"title\": \"Languages\", \"languages\": [\"ko\", \"kor\", \"zh\", \"zho\"], "
                + "\"texts\": [{\"kind\": \"ORIGINAL\", \"language\": \"rus\", \"body\": \"Текст\"}]}")
                .post(DOCUMENTS).then().statusCode(201).body("languages.size()", equalTo(4));
    }

    @Test
    void aTextWithoutBodyOrWithAnInvalidLanguageIsRejected() {
        create("{\"title\": \"T\", \"texts\": [{\"kind\": \"ORIGINAL\", \"language\": \"ru\", \"body\": \" \"}]}", "texts[0].body");
        create("{\"title\": \"T\", \"texts\": [{\"kind\": \"ORIGINAL\", \"language\": \"russian\", \"body\": \"x\"}]}", "texts[0].language");
        create("{\"title\": \"T\", \"texts\": [{\"language\": \"ru\", \"body\": \"x\"}]}", "texts[0].kind");
    }

    @Test
    void anInvalidMediaUriIsRejected() {
        create("{\"title\": \"T\", \"media\": [{\"uri\": \"ftp://media.example.org/scan.pdf\"}]}", "media[0].uri")
                .body("errors[0].message", equalTo("must be an http(s) URI"));
        create("{\"title\": \"T\", \"media\": [{\"uri\": \"https://example.org/a scan.pdf\"}]}", "media[0].uri");
        create("{\"title\": \"T\", \"media\": [{\"uri\": \"scan.pdf\"}]}", "media[0].uri");
        create("{\"title\": \"T\", \"media\": [{\"caption\": \"no uri\"}]}", "media[0].uri");
        create("{\"title\": \"T\", \"media\": [{\"uri\": \"https://example.org/a.pdf\", \"mediaType\": \"pdf\"}]}", "media[0].mediaType");
        create("{\"title\": \"T\", \"rights\": {\"uri\": \"rightsstatements.org\"}}", "rights.uri");
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> jsonBody("{\"title\": \" \", \"languages\": [\"russian\"], \"media\": [{\"uri\": \"ftp://x\"}]}")
                        .post(DOCUMENTS).then())
                .spec(invalidField(DOCUMENTS, "title"))
                .body("errors.field", equalTo(java.util.List.of("languages[0]", "media[0].uri", "title")))
                .body("detail", equalTo("3 fields are invalid"));
    }

    @Test
    void aCollectionThatDoesNotExistIsRejectedNamingTheField() {
        String missing = UUID.randomUUID().toString();
        String existing = Api.createCollection(Api.unique("Exists"));
        create("{\"title\": \"T\", \"collections\": [\"" + existing + "\", \"" + missing + "\"]}", "collections[1]")
                .body("errors[0].message", containsString(missing));
        given().get("/api/v1/collections/" + existing).then().body("documentCount", equalTo(0));
    }

    @Test
    void aRelatedDocumentThatDoesNotExistIsRejectedNamingTheField() {
        String missing = UUID.randomUUID().toString();
        create("{\"title\": \"T\", \"related\": [\"" + missing + "\"]}", "related[0]")
                .body("errors[0].message", containsString(missing));
    }

    @Test
    void anExistingRelatedDocumentIsAccepted() {
        String other = Api.createDocumentTitled("Other");
        jsonBody("{\"title\": \"Relates\", \"related\": [\"" + other + "\"]}").post(DOCUMENTS)
                .then().statusCode(201).body("related[0]", equalTo(other));
    }

    @Test
    void aDocumentCannotBeRelatedToItself() {
        String id = Api.createDocumentTitled("Self");
        String path = DOCUMENTS + "/" + id;
        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> Api.patchDocument(id, "\"1\"", "{\"related\": [\"" + id + "\"]}").then())
                .spec(invalidField(path, "related[0]"));
        given().get(path).then().header("ETag", "\"1\"");
    }

    @Test
    void anInvalidReplaceIsRejectedAndTheDocumentKeepsItsVersion() {
        String id = Api.createDocumentTitled("Keep me");
        String path = DOCUMENTS + "/" + id;
        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> jsonBody("{\"title\": \"\"}").header("If-Match", "\"1\"").put(path).then())
                .spec(invalidField(path, "title"));
        given().get(path).then().header("ETag", "\"1\"").body("title", equalTo("Keep me"));
    }

    @Test
    void aPatchThatBlanksTheTitleOrRemovesItIsRejected() {
        String id = Api.createDocumentTitled("Keep me too");
        String path = DOCUMENTS + "/" + id;
        RejectedWrites rejected = new RejectedWrites(new CatalogDb(dataSource));
        rejected.send(() -> Api.patchDocument(id, "\"1\"", "{\"title\": null}").then()).spec(invalidField(path, "title"));
        rejected.send(() -> Api.patchDocument(id, "\"1\"", "{\"title\": 5}").then()).spec(invalidField(path, "title"));
        rejected.send(() -> Api.patchDocument(id, "\"1\"", "{\"unknown\": 5}").then()).spec(invalidField(path, "unknown"));
        given().get(path).then().header("ETag", "\"1\"").body("title", equalTo("Keep me too"));
    }

    private static String items(String prefix, int count) {
        StringBuilder json = new StringBuilder();
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(prefix).append(i).append('"');
        }
        return json.toString();
    }

    private ValidatableResponse create(String body, String field) {
        return new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> jsonBody(body).post(DOCUMENTS).then())
                .spec(invalidField(DOCUMENTS, field));
    }
}
