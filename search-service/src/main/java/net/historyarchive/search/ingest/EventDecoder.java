package net.historyarchive.search.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import net.historyarchive.search.view.ChangeEvent;

/**
 * Checks a record against the event contract (the JSON Schemas in /contracts, on the classpath)
 * and decodes it. Anything that does not conform is a {@link PoisonEvent}: retrying cannot fix it.
 */
public class EventDecoder {

    private static final String DELETED_TYPE = "net.historyarchive.catalog.document.deleted.v1";

    private final ObjectMapper json;
    private final JsonSchema envelope = schema("document-change-event.v1.schema.json");
    private final JsonSchema snapshot = schema("document-snapshot.v1.schema.json");
    private final JsonSchema deletion = schema("document-deleted.v1.schema.json");

    public EventDecoder(ObjectMapper json) {
        this.json = json;
    }

    /** @throws PoisonEvent when the record is not a valid change event of the key's document */
    public ChangeEvent decode(String key, byte[] value) {
        JsonNode event;
        try {
            event = json.readTree(value);
        } catch (IOException e) {
            throw new PoisonEvent("not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (event == null || !event.isObject()) {
            throw new PoisonEvent("not a JSON object");
        }
        requireValid(envelope, event, "envelope");
        boolean deleted = DELETED_TYPE.equals(event.get("type").asText());
        JsonNode data = event.get("data");
        requireValid(deleted ? deletion : snapshot, data, "data");
        UUID id = UUID.fromString(data.get("id").asText());
        if (!id.toString().equals(event.get("subject").asText()) || (key != null && !key.equals(id.toString()))) {
            throw new PoisonEvent("record key, subject and data.id name different documents");
        }
        return new ChangeEvent(id, data.get("version").asLong(), deleted, deleted ? null : data);
    }

    private static void requireValid(JsonSchema schema, JsonNode node, String part) {
        Set<ValidationMessage> problems = schema.validate(node);
        if (!problems.isEmpty()) {
            throw new PoisonEvent(part + " violates the contract: "
                    + problems.stream().map(ValidationMessage::getMessage).limit(5).collect(Collectors.joining("; ")));
        }
    }

    private static JsonSchema schema(String file) {
        try (InputStream in = EventDecoder.class.getClassLoader().getResourceAsStream("contracts/schemas/" + file)) {
            if (in == null) {
                throw new IllegalStateException("contract schema " + file + " is missing from the classpath");
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An event that can never be applied; it goes to the dead-letter topic with this reason. */
    public static class PoisonEvent extends RuntimeException {
        public PoisonEvent(String reason) {
            super(reason, null, false, false);
        }
    }
}
