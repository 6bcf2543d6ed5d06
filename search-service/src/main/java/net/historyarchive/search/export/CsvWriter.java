package net.historyarchive.search.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 CSV with a header row: every value quoted, quotes doubled, lists joined with "; ". A
 * value starting with =, +, - or @ gets a leading apostrophe, so a spreadsheet never runs it as a
 * formula (CSV injection).
 */
final class CsvWriter implements ExportWriter {

    static final List<String> COLUMNS = List.of("id", "title", "date", "dateStart", "dateEnd", "type", "languages", "people",
            "places", "subjects", "collections", "repository", "reference", "summary", "url", "citation");
    private final Writer out;

    CsvWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void begin() throws IOException {
        row(COLUMNS);
    }

    @Override
    public void write(ExportedDocument d) throws IOException {
        List<String> collections = new java.util.ArrayList<>();
        d.snapshot().path("collections").forEach(c -> collections.add(c.path("name").asText()));
        row(List.of(d.id(), d.text("title"), d.dateDisplay(), d.snapshot().path("date").path("start").asText(""),
                d.snapshot().path("date").path("end").asText(""), d.text("documentType"), String.join("; ", d.strings("languages")),
                String.join("; ", d.strings("people")), String.join("; ", d.strings("places")), String.join("; ", d.strings("subjects")),
                String.join("; ", collections), d.repository(), d.archivalReference(), d.text("summary"), d.url(), d.citation()));
    }

    private void row(List<String> values) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
                value = "'" + value;
            }
            line.append(i == 0 ? "" : ",").append('"').append(value.replace("\"", "\"\"")).append('"');
        }
        out.write(line.append("\r\n").toString());
    }
}
