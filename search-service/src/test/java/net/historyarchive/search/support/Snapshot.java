package net.historyarchive.search.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Builds a document-created (or -updated) event whose snapshot says what a test needs, starting
 * from the contract's example so every other field stays valid against the contract schema.
 */
public final class Snapshot {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UUID id = UUID.randomUUID();
    private final ObjectNode event;
    private final ObjectNode data;

    public Snapshot(String title) {
        try {
            event = (ObjectNode) JSON.readTree(CatalogEvents.example("created", id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        data = (ObjectNode) event.get("data");
        data.put("title", title);
        data.remove("summary");
        data.remove("date");
        data.remove("documentType");
        data.putArray("languages");
        data.putArray("people");
        data.putArray("places");
        data.putArray("texts");
        data.putArray("media");
    }

    public UUID id() {
        return id;
    }

    public Snapshot summary(String summary) {
        data.put("summary", summary);
        return this;
    }

    /** A day, a month ("1956-09") or a year ("1956"), widened the way the catalog widens them. */
    public Snapshot date(String partial) {
        ObjectNode date = data.putObject("date");
        String[] parts = partial.split("-");
        LocalDate start;
        LocalDate end;
        String precision;
        if (parts.length == 1) {
            start = LocalDate.of(Integer.parseInt(parts[0]), 1, 1);
            end = start.withDayOfYear(start.lengthOfYear());
            precision = "YEAR";
        } else if (parts.length == 2) {
            start = LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), 1);
            end = start.withDayOfMonth(start.lengthOfMonth());
            precision = "MONTH";
        } else {
            start = LocalDate.parse(partial);
            end = start;
            precision = "DAY";
        }
        date.put("display", partial).put("start", start.toString()).put("end", end.toString())
                .put("precision", precision).put("qualifier", "NONE");
        return this;
    }

    public Snapshot type(String type) {
        data.put("documentType", type);
        return this;
    }

    public Snapshot languages(String... codes) {
        fill(data.putArray("languages"), codes);
        return this;
    }

    public Snapshot people(String... names) {
        fill(data.putArray("people"), names);
        return this;
    }

    public Snapshot places(String... names) {
        fill(data.putArray("places"), names);
        return this;
    }

    public Snapshot subjects(String... names) {
        fill(data.putArray("subjects"), names);
        return this;
    }

    /** When the catalog created the record (and last changed it), an ISO instant. */
    public Snapshot createdAt(String instant) {
        data.put("createdAt", instant);
        data.put("updatedAt", instant);
        return this;
    }

    /** Explicit links to other documents (the record's {@code related}). */
    public Snapshot related(UUID... ids) {
        ArrayNode related = data.putArray("related");
        for (UUID id : ids) {
            related.add(id.toString());
        }
        return this;
    }

    public Snapshot collection(String name) {
        ((ArrayNode) data.get("collections")).addObject().put("id", UUID.nameUUIDFromBytes(name.getBytes()).toString()).put("name", name);
        return this;
    }

    public Snapshot text(String kind, String language, String body) {
        ObjectNode text = ((ArrayNode) data.get("texts")).addObject().put("kind", kind).put("language", language).put("body", body);
        if (kind.equals("TRANSLATION")) {
            text.putArray("translators").add("Test Translator");
        }
        return this;
    }

    public Snapshot version(long version) {
        data.put("version", version);
        event.put("type", version == 1 ? "net.historyarchive.catalog.document.created.v1" : "net.historyarchive.catalog.document.updated.v1");
        event.put("id", UUID.randomUUID().toString());
        return this;
    }

    public String json() {
        return event.toString();
    }

    private static void fill(ArrayNode array, String... values) {
        for (String value : values) {
            array.add(value);
        }
    }
}
