package net.historyarchive.catalog.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import net.historyarchive.catalog.support.Api;
import net.historyarchive.infra.bench.corpus.ArchiveCorpus;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static net.historyarchive.catalog.support.Ndjson.importBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The benchmark corpus (ArchiveCorpus, module corpus) is accepted as it is by the real bulk import. */
@QuarkusTest
class CorpusImportTest {

    private static final int DOCUMENTS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void generatedDocumentsImportAtomicallyAndReadBackAsSent() throws Exception {
        List<String> lines = new ArchiveCorpus(20261128).documents(DOCUMENTS).toList();
        byte[] body = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);

        JsonPath report = importBytes(body, "ATOMIC").then().statusCode(200)
                .body("lines", equalTo(DOCUMENTS))
                .body("created", equalTo(DOCUMENTS))
                .body("failed", equalTo(0))
                .extract().jsonPath();
        List<String> ids = report.getList("ids");
        assertThat(ids).hasSize(DOCUMENTS);

        Set<String> precisions = new HashSet<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            JsonNode sent = JSON.readTree(lines.get(i));
            JsonPath stored = Api.getDocument(ids.get(i));
            assertThat(stored.getString("title")).isEqualTo(sent.get("title").textValue());
            if (sent.has("summary")) {
                assertThat(stored.getString("summary")).isEqualTo(sent.get("summary").textValue());
            }
            if (sent.has("date")) {
                String precision = sent.get("date").get("precision").textValue();
                precisions.add(precision);
                assertThat(stored.getString("date.precision")).isEqualTo(precision);
                assertThat(stored.getString("date.display")).isNotBlank();
            } else {
                assertThat(stored.getMap("date")).isNull();
            }
            assertThat(stored.getList("people")).hasSize(sent.path("people").size());
            assertThat(stored.getList("texts")).hasSize(sent.path("texts").size());
        }
        assertThat(precisions).contains("DAY", "MONTH", "YEAR", "RANGE");
    }
}
