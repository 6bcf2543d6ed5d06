package net.historyarchive.catalog.document;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import net.historyarchive.catalog.support.CatalogDb;
import net.historyarchive.catalog.support.RejectedWrites;
import org.junit.jupiter.api.Test;

import static net.historyarchive.catalog.support.Api.DOCUMENTS;
import static net.historyarchive.catalog.support.Api.jsonBody;
import static net.historyarchive.catalog.support.Problems.invalidField;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Values of the wrong JSON type, unknown fields and unknown enum constants: 400 naming the field, nothing stored. */
@QuarkusTest
class DocumentFieldTypeValidationTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void titleAsANumberIsNotCoercedToText() {
        create("{\"title\": 1956}", "title")
                .body("errors[0].message", equalTo("must be a string"));
    }

    @Test
    void titleAsBooleanOrArrayIsRejected() {
        create("{\"title\": true}", "title");
        create("{\"title\": [\"Telegram\"]}", "title");
    }

    @Test
    void languagesAsAStringIsRejected() {
        create("{\"title\": \"Telegram\", \"languages\": \"ru\"}", "languages")
                .body("errors[0].message", equalTo("must be an array"));
    }

    @Test
    void dateStartAsANumberIsRejected() {
        create("{\"title\": \"Telegram\", \"date\": {\"start\": 19560926, \"precision\": \"DAY\"}}", "date.start");
    }

    @Test
    void dateAsAStringIsRejected() {
        create("{\"title\": \"Telegram\", \"date\": \"1956-09-26\"}", "date")
                .body("errors[0].message", equalTo("must be an object"));
    }

    @Test
    void aCollectionIdThatIsNotAUuidIsRejected() {
        create("{\"title\": \"Telegram\", \"collections\": [\"korea\"]}", "collections[0]");
    }

    @Test
    void anUnknownFieldIsRejectedNotIgnored() {
        create("{\"title\": \"Telegram\", \"titel\": \"typo\"}", "titel")
                .body("errors[0].message", equalTo("is not a known field"));
        create("{\"title\": \"Telegram\", \"source\": {\"archive\": \"AVPRF\"}}", "source.archive");
    }

    @Test
    void serverManagedFieldsCannotBeSent() {
        create("{\"title\": \"Telegram\", \"version\": 7}", "version");
        create("{\"title\": \"Telegram\", \"id\": \"0190f5d2-8c1e-7b4a-9f3e-2a1b3c4d5e6f\"}", "id");
    }

    @Test
    void anUnknownPrecisionIsRejectedListingTheKnownOnes() {
        create("{\"title\": \"Telegram\", \"date\": {\"start\": \"1956-09-26\", \"precision\": \"HOUR\"}}", "date.precision")
                .body("errors[0].message", equalTo("must be one of DAY, MONTH, YEAR, DECADE, RANGE, UNKNOWN"));
    }

    @Test
    void aLowerCasePrecisionIsRejected() {
        create("{\"title\": \"Telegram\", \"date\": {\"start\": \"1956-09-26\", \"precision\": \"day\"}}", "date.precision");
    }

    @Test
    void anUnknownDocumentTypeIsRejected() {
        create("{\"title\": \"Telegram\", \"documentType\": \"EMAIL\"}", "documentType")
                .body("errors[0].message", containsString("TELEGRAM"));
    }

    @Test
    void anEnumAsANumberIsRejected() {
        create("{\"title\": \"Telegram\", \"documentType\": 2}", "documentType");
    }

    @Test
    void anUnknownTextKindIsRejected() {
        create("{\"title\": \"Telegram\", \"texts\": [{\"kind\": \"SUMMARY\", \"language\": \"en\", \"body\": \"...\"}]}",
                "texts[0].kind")
                .body("errors[0].message", equalTo("must be one of ORIGINAL, TRANSCRIPT, TRANSLATION"));
    }

    @Test
    void anUnknownReuseCategoryIsRejected() {
        create("{\"title\": \"Telegram\", \"rights\": {\"reuse\": \"FREE\"}}", "rights.reuse");
    }

    @Test
    void messagesDoNotLeakJavaTypeNames() {
        for (String body : new String[]{
                "{\"title\": 1956}",
                "{\"title\": \"T\", \"languages\": \"ru\"}",
                "{\"title\": \"T\", \"date\": {\"start\": 19560926, \"precision\": \"DAY\"}}",
                "{\"title\": \"T\", \"date\": \"1956\"}",
                "{\"title\": \"T\", \"documentType\": \"EMAIL\"}",
                "{\"title\": \"T\", \"people\": [1, 2]}"}) {
            jsonBody(body).post(DOCUMENTS).then().statusCode(400)
                    .body("detail", not(containsString("java.")))
                    .body("errors.message", not(hasItem(containsString("java."))))
                    .body("errors.message", not(hasItem(containsString("net.historyarchive"))));
        }
    }

    private ValidatableResponse create(String body, String field) {
        return new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> jsonBody(body).post(DOCUMENTS).then())
                .spec(invalidField(DOCUMENTS, field));
    }
}
