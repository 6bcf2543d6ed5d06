package net.historyarchive.search.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * CSL-JSON (the Citation Style Language's data format, as Zotero and citation processors read it):
 * one array, streamed item by item; each document a {@code manuscript} with title, issued date
 * parts, genre, abstract, archive, archive_location, URL, keywords and the citation as a note.
 */
final class CslJsonWriter implements ExportWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Writer out;
    private boolean first = true;

    CslJsonWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void begin() throws IOException {
        out.write("[\n");
    }

    @Override
    public void write(ExportedDocument d) throws IOException {
        ObjectNode item = JSON.createObjectNode();
        item.put("id", d.id()).put("type", "manuscript").put("title", d.text("title"));
        List<Integer> date = d.dateParts();
        if (!date.isEmpty()) {
            ArrayNode parts = item.putObject("issued").putArray("date-parts").addArray();
            date.forEach(parts::add);
        }
        put(item, "genre", d.genre());
        put(item, "abstract", d.text("summary"));
        put(item, "archive", d.repository());
        put(item, "archive_location", d.archivalReference());
        put(item, "language", String.join(", ", d.strings("languages")));
        List<String> keywords = new java.util.ArrayList<>(d.strings("people"));
        keywords.addAll(d.strings("places"));
        keywords.addAll(d.strings("subjects"));
        put(item, "keyword", String.join(", ", keywords));
        put(item, "URL", d.url());
        put(item, "note", d.citation());
        out.write(first ? "" : ",\n");
        out.write(JSON.writeValueAsString(item));
        first = false;
    }

    @Override
    public void end() throws IOException {
        out.write("\n]\n");
    }

    private static void put(ObjectNode item, String field, String value) {
        if (!value.isBlank()) {
            item.put(field, value);
        }
    }
}
