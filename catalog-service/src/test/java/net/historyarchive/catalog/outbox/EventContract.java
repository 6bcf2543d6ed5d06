package net.historyarchive.catalog.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The event contract in /contracts (JSON Schemas and examples), read from the repository so the
 * tests check the very files consumers rely on.
 */
final class EventContract {

    static final Path DIRECTORY = Path.of("..", "contracts");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema ENVELOPE = schema("document-change-event.v1.schema.json");
    private static final JsonSchema SNAPSHOT = schema("document-snapshot.v1.schema.json");
    private static final JsonSchema DELETED = schema("document-deleted.v1.schema.json");

    private EventContract() {
    }

    /** @return every way {@code event} breaks the contract; empty when it conforms */
    static List<String> violations(String event) {
        try {
            JsonNode node = JSON.readTree(event);
            List<String> problems = new ArrayList<>();
            ENVELOPE.validate(node).stream().map(ValidationMessage::getMessage).forEach(problems::add);
            JsonSchema data = node.path("type").asText().endsWith(".deleted.v1") ? DELETED : SNAPSHOT;
            data.validate(node.path("data")).stream().map(m -> "data: " + m.getMessage()).forEach(problems::add);
            return problems;
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

    /** @return every way a snapshot (the data of a created or updated event) breaks its schema */
    static List<String> snapshotViolations(JsonNode data) {
        return SNAPSHOT.validate(data).stream().map(ValidationMessage::getMessage).toList();
    }

    /** The schema file itself, to compare its properties with a type's. */
    static JsonNode schemaDocument(String file) {
        try {
            return JSON.readTree(DIRECTORY.resolve("schemas").resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String example(String name) {
        try {
            return Files.readString(DIRECTORY.resolve("examples").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema schema(String file) {
        try {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(Files.readString(DIRECTORY.resolve("schemas").resolve(file)), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
