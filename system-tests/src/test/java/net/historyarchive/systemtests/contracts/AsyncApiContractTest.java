package net.historyarchive.systemtests.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document's inline message examples are valid: each example's payload against the
 * message's payload schema (the CloudEvents envelope), its {@code data} against the schema its
 * type names (snapshot or deletion), its headers against the message's headers schema; each is the
 * same event as the example file in contracts/examples; and the document is lint clean under the
 * AsyncAPI parser.
 */
class AsyncApiContractTest {

    private static final Path DOCUMENT = ContractFiles.contracts().resolve("document-events.asyncapi.yaml");
    private static final Map<String, String> EXAMPLE_FILES = Map.of(
            "documentCreated", "document-created.json",
            "documentUpdated", "document-updated.json",
            "documentDeleted", "document-deleted.json");

    @Test
    void everyInlineExampleIsValidAgainstItsMessagesSchemas() throws IOException {
        JsonNode asyncapi = ContractFiles.YAML.readTree(DOCUMENT.toFile());
        JsonNode messages = asyncapi.path("components").path("messages");
        JsonSchema headers = schema(asyncapi.path("components").path("schemas").path("headers"));
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (var message : (Iterable<Map.Entry<String, JsonNode>>) messages::fields) {
            JsonNode payload = message.getValue().path("payload");
            JsonSchema envelope = payload.has("schema") ? schemaFile(payload.path("schema").path("$ref").asText()) : schema(payload);
            for (JsonNode example : message.getValue().path("examples")) {
                String where = message.getKey() + " example " + example.path("name").asText();
                checked++;
                envelope.validate(example.path("payload")).forEach(m -> violations.add(where + ": " + m.getMessage()));
                if (example.has("headers")) {
                    headers.validate(example.path("headers")).forEach(m -> violations.add(where + " headers: " + m.getMessage()));
                }
                if (example.path("payload").has("data")) {
                    String type = example.path("payload").path("type").asText();
                    JsonSchema data = schemaFile("./schemas/" + (type.endsWith(".deleted.v1")
                            ? "document-deleted.v1.schema.json" : "document-snapshot.v1.schema.json"));
                    data.validate(example.path("payload").path("data")).forEach(m -> violations.add(where + " data: " + m.getMessage()));
                }
            }
        }
        assertThat(violations).isEmpty();
        assertThat(checked).as("examples checked").isGreaterThanOrEqualTo(3);
    }

    @Test
    void everyInlineExampleIsTheEventOfItsExampleFile() throws IOException {
        JsonNode messages = ContractFiles.YAML.readTree(DOCUMENT.toFile()).path("components").path("messages");
        for (var entry : EXAMPLE_FILES.entrySet()) {
            JsonNode file = ContractFiles.JSON.readTree(ContractFiles.contracts().resolve("examples").resolve(entry.getValue()).toFile());
            assertThat(messages.path(entry.getKey()).path("examples").path(0).path("payload"))
                    .as(entry.getKey() + " vs examples/" + entry.getValue()).isEqualTo(file);
        }
    }

    /** An invalid payload is reported, so the check above can fail. */
    @Test
    void anExampleMissingItsEnvelopeIsRejected() throws IOException {
        JsonSchema envelope = schemaFile("./schemas/document-change-event.v1.schema.json");
        JsonNode invalid = ContractFiles.JSON.readTree("{\"type\": \"net.historyarchive.catalog.document.created.v1\"}");
        assertThat(envelope.validate(invalid)).isNotEmpty();
    }

    @Test
    void theDocumentIsLintCleanUnderTheAsyncApiParser() throws Exception {
        ApiLinters.Result result = ApiLinters.locate().asyncapi(DOCUMENT);
        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    private static JsonSchema schemaFile(String ref) throws IOException {
        Path file = ContractFiles.contracts().resolve(ref).normalize();
        return schema(ContractFiles.JSON.readTree(Files.readString(file)));
    }

    private static JsonSchema schema(JsonNode schema) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema, config);
    }
}
