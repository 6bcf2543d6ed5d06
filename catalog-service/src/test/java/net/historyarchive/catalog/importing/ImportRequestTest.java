package net.historyarchive.catalog.importing;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.historyarchive.catalog.support.Api;
import net.historyarchive.catalog.support.CatalogDb;
import net.historyarchive.catalog.support.RejectedWrites;
import net.historyarchive.catalog.support.Tokens;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static io.restassured.RestAssured.given;
import static net.historyarchive.catalog.support.Api.DOCUMENTS;
import static net.historyarchive.catalog.support.Api.IMPORT;
import static net.historyarchive.catalog.support.Ndjson.document;
import static net.historyarchive.catalog.support.Ndjson.importBytes;
import static net.historyarchive.catalog.support.Ndjson.importLines;
import static net.historyarchive.catalog.support.Problems.invalidField;
import static net.historyarchive.catalog.support.Problems.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Request-level rules of the import: body, line handling, mode, media type and token. */
@QuarkusTest
class ImportRequestTest {

    private static final int MAX_LINE = 2 * 1024 * 1024;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void blankLinesAreIgnoredButKeepTheirLineNumbers() {
        String collection = Api.createCollection(Api.unique("Blank lines"));
        String body = "\n" + document("After a blank", collection) + "\n   \n\t\n" + "{\"title\": \"\"}\n\n"
                + document("Last, no newline", collection);
        importLines(body, "PER_LINE").then().statusCode(200)
                .body("lines", equalTo(3))
                .body("created", equalTo(2))
                .body("errors[0].line", equalTo(5));
        given().queryParam("collection", collection).get(DOCUMENTS).then()
                .body("items.title", equalTo(List.of("After a blank", "Last, no newline")));
    }

    @Test
    void windowsLineEndingsWork() {
        importLines(document("CRLF one", null) + "\r\n" + document("CRLF two", null) + "\r\n", null)
                .then().statusCode(200).body("created", equalTo(2));
    }

    @Test
    void anEmptyBodyIs400() {
        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> importBytes(new byte[0], null).then())
                .spec(problem(400, "validation-failed", IMPORT));
    }

    @Test
    void aBodyOfOnlyBlankLinesIs400() {
        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> importLines("\n  \n\r\n", "PER_LINE").then())
                .spec(problem(400, "validation-failed", IMPORT));
    }

    @Test
    void anInvalidModeIs400() {
        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> importLines(document("Mode", null) + "\n", "SOME").then())
                .spec(invalidField(IMPORT, "mode"));
    }

    @Test
    void aLineOver2MiBIsReportedAsALineError() {
        String collection = Api.createCollection(Api.unique("Long line"));
        byte[] body = concat(
                (document("Before", collection) + "\n").getBytes(StandardCharsets.UTF_8),
                longLine(MAX_LINE + 1),
                ("\n" + document("After", collection) + "\n").getBytes(StandardCharsets.UTF_8));
        importBytes(body, "PER_LINE").then().statusCode(200)
                .body("lines", equalTo(3))
                .body("created", equalTo(2))
                .body("failed", equalTo(1))
                .body("errors[0].line", equalTo(2))
                .body("errors[0].errors[0].message", containsString("longer than"));
        given().queryParam("collection", collection).get(DOCUMENTS).then()
                .body("items.title", equalTo(List.of("Before", "After")));

        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> importBytes(body, null).then())
                .spec(problem(422, "import-rejected", IMPORT))
                .body("errors[0].line", equalTo(2));
    }

    @Test
    void aLineOfExactly2MiBIsAccepted() {
        // Padded with whitespace: the limit is on bytes, and the document itself stays small.
        byte[] line = new byte[MAX_LINE];
        byte[] head = "{\"title\": \"Exactly at the line limit\"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, line, 0, head.length);
        Arrays.fill(line, head.length, MAX_LINE - 1, (byte) ' ');
        line[MAX_LINE - 1] = '}';
        importBytes(line, null).then().statusCode(200).body("created", equalTo(1));
    }

    @Test
    void aNulOrBrokenTextInALineIsALineError() {
        importLines("{\"title\": \"a\\u0000b\"}\n{\"title\": \"\\ud800\"}\n", "PER_LINE").then().statusCode(200)
                .body("failed", equalTo(2))
                .body("errors[0].errors[0].field", equalTo("title"))
                .body("errors[1].errors[0].field", equalTo("title"));
    }

    @Test
    void aJsonContentTypeIs415() {
        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> Api.jsonBody(document("Wrong type", null)).post(IMPORT).then())
                .spec(problem(415, "unsupported-media-type", IMPORT));
    }

    @Test
    void theArchivistTokenIsNeeded() {
        byte[] body = (document("Needs token", null) + "\n").getBytes(StandardCharsets.UTF_8);
        RejectedWrites rejected = new RejectedWrites(new CatalogDb(dataSource));
        rejected.send(() -> given().contentType(Api.NDJSON).body(body).post(IMPORT).then())
                .spec(problem(401, "unauthorized", IMPORT)).header("WWW-Authenticate", startsWith("Bearer"));
        rejected.send(() -> given().header("Authorization", Tokens.reader()).contentType(Api.NDJSON).body(body).post(IMPORT).then())
                .spec(problem(403, "forbidden", IMPORT));
    }

    /** A valid document line of exactly {@code size} bytes (the summary limit is avoided with several texts). */
    private static byte[] longLine(int size) {
        String head = "{\"title\": \"Long line\", \"texts\": [{\"kind\": \"TRANSCRIPT\", \"language\": \"ru\", \"body\": \"";
        String tail = "\"}]}";
        byte[] line = new byte[size];
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(h, 0, line, 0, h.length);
        int bodyEnd = Math.min(size - t.length, h.length + 1_000_000);
        Arrays.fill(line, h.length, bodyEnd, (byte) 'x');
        System.arraycopy(t, 0, line, bodyEnd, t.length);
        Arrays.fill(line, bodyEnd + t.length, size, (byte) ' ');
        return line;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
