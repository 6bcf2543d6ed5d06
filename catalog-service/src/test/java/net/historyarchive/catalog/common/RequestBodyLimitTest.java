package net.historyarchive.catalog.common;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.historyarchive.catalog.support.Api;
import net.historyarchive.catalog.support.CatalogDb;
import net.historyarchive.catalog.support.RejectedWrites;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static net.historyarchive.catalog.support.Api.DOCUMENTS;
import static net.historyarchive.catalog.support.Api.asArchivist;
import static net.historyarchive.catalog.support.Problems.problem;
import static org.hamcrest.Matchers.equalTo;

/** A single document or collection may be at most 4 MiB of JSON. */
@QuarkusTest
class RequestBodyLimitTest {

    private static final int LIMIT = 4 * 1024 * 1024;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aBodyOverTheLimitWithContentLengthIs413() {
        byte[] body = documentOfSize(LIMIT + 1);
        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> asArchivist().contentType(Api.JSON).body(body).post(DOCUMENTS).then())
                .spec(problem(413, "payload-too-large", DOCUMENTS));
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() {
        byte[] body = documentOfSize(LIMIT + 1);
        // An InputStream body has no known length: the client sends it chunked, without Content-Length.
        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> asArchivist().contentType(Api.JSON).body(new ByteArrayInputStream(body)).post(DOCUMENTS).then())
                .spec(problem(413, "payload-too-large", DOCUMENTS));
    }

    @Test
    void aBodyOverTheLimitIs413ForAReplaceToo() {
        String id = Api.createDocumentTitled("Small");
        String path = DOCUMENTS + "/" + id;
        byte[] body = documentOfSize(LIMIT + 1);
        new RejectedWrites(new CatalogDb(dataSource))
                .send(() -> asArchivist().header("If-Match", "\"1\"").contentType(Api.JSON).body(body).put(path).then())
                .spec(problem(413, "payload-too-large", path));
    }

    @Test
    void aBodyExactlyAtTheLimitIsAccepted() {
        asArchivist().contentType(Api.JSON).body(documentOfSize(LIMIT)).post(DOCUMENTS)
                .then().statusCode(201).body("title", equalTo("Padded to size"));
    }

    @Test
    void aChunkedBodyExactlyAtTheLimitIsAccepted() {
        asArchivist().contentType(Api.JSON).body(new ByteArrayInputStream(documentOfSize(LIMIT))).post(DOCUMENTS)
                .then().statusCode(201).body("title", equalTo("Padded to size"));
    }

    /**
     * A valid JSON body of exactly {@code size} bytes: a small document padded with insignificant
     * whitespace. The limit is on bytes, so this probes it exactly without storing a multi-megabyte
     * record (whose change event the outbox relay cannot publish yet; see the test report).
     */
    static byte[] documentOfSize(int size) {
        byte[] head = "{\"title\": \"Padded to size\", \"summary\": \"Тест\"".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[size];
        System.arraycopy(head, 0, body, 0, head.length);
        java.util.Arrays.fill(body, head.length, size - 1, (byte) ' ');
        body[size - 1] = '}';
        return body;
    }
}
