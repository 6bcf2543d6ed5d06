package net.historyarchive.search.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.Writer;

/** One line per document: the catalog's record as the view holds it, with its URL and citation. */
final class NdjsonWriter implements ExportWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Writer out;

    NdjsonWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(ExportedDocument document) throws IOException {
        ObjectNode line = document.snapshot().deepCopy();
        line.put("url", document.url()).put("citation", document.citation());
        out.write(JSON.writeValueAsString(line));
        out.write('\n');
    }
}
