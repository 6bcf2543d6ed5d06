package net.historyarchive.search.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.historyarchive.infra.bench.SyntheticDocuments;
import net.historyarchive.search.support.CatalogEvents;

import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;

/**
 * Contract-valid change events with varied content (titles, summaries, people, places, subjects
 * and a translated text body from the corpus module's deterministic {@link SyntheticDocuments}), built on the
 * contract's example event, for load measurements.
 */
final class SyntheticEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SyntheticDocuments documents;
    private final Random random;
    private final ObjectNode template;

    SyntheticEvents(long seed) {
        this.documents = new SyntheticDocuments(seed);
        this.random = new Random(seed);
        try {
            this.template = (ObjectNode) JSON.readTree(CatalogEvents.example("created", UUID.randomUUID()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A created (version 1) or updated (version > 1) event for {@code id}, as JSON text. */
    String snapshotEvent(UUID id, long version) {
        try {
            ObjectNode event = template.deepCopy();
            ObjectNode synthetic = (ObjectNode) JSON.readTree(documents.nextLine());
            ObjectNode data = (ObjectNode) event.get("data");
            event.put("id", UUID.randomUUID().toString());
            event.put("subject", id.toString());
            if (version > 1) {
                event.put("type", "net.historyarchive.catalog.document.updated.v1");
            }
            data.put("id", id.toString());
            data.put("version", version);
            for (String field : new String[] {"title", "summary", "documentType", "languages", "people", "places", "subjects", "source"}) {
                data.set(field, synthetic.get(field));
            }
            LocalDate day = LocalDate.parse(synthetic.get("date").get("start").asText());
            ObjectNode date = data.putObject("date");
            date.put("display", day.toString()).put("start", day.toString()).put("end", day.toString())
                    .put("precision", "DAY").put("qualifier", "NONE");
            String[] words = synthetic.get("summary").asText().split(" ");
            StringBuilder body = new StringBuilder();
            int length = 100 + random.nextInt(300);
            for (int i = 0; i < length; i++) {
                body.append(i == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
            }
            ((ObjectNode) ((ArrayNode) data.get("texts")).get(0)).put("body", body.toString());
            return JSON.writeValueAsString(event);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A deletion event for {@code id} at {@code version}, as JSON text. */
    static String deletedEvent(UUID id, long version) {
        return CatalogEvents.example("deleted", id).replace("\"version\": 3", "\"version\": " + version);
    }
}
