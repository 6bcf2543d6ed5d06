package net.historyarchive.search.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * BibTeX (biblatex field names where BibTeX has none): each document a {@code @misc} entry keyed by
 * its id, with title, year/month/date, abstract, archive and reference in {@code howpublished}, URL,
 * keywords and the citation as a note. Values are braced; TeX's special characters are escaped
 * and unbalanced braces cannot occur, so no value can end its entry early.
 */
final class BibtexWriter implements ExportWriter {

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    private final Writer out;

    BibtexWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(ExportedDocument d) throws IOException {
        StringBuilder entry = new StringBuilder("@misc{doc-").append(d.id()).append(",\n");
        field(entry, "title", d.text("title"));
        List<Integer> date = d.dateParts();
        if (!date.isEmpty()) {
            field(entry, "year", String.valueOf(date.get(0)));
            if (date.size() > 1) {
                entry.append("  month = ").append(MONTHS[date.get(1) - 1]).append(",\n");
            }
            field(entry, "date", d.snapshot().path("date").path("start").asText().substring(0, date.size() == 3 ? 10 : date.size() == 2 ? 7 : 4));
        }
        field(entry, "type", d.genre());
        field(entry, "abstract", d.text("summary"));
        field(entry, "howpublished", String.join(", ", List.of(d.repository(), d.archivalReference()).stream().filter(s -> !s.isEmpty()).toList()));
        List<String> keywords = new java.util.ArrayList<>(d.strings("people"));
        keywords.addAll(d.strings("places"));
        keywords.addAll(d.strings("subjects"));
        field(entry, "keywords", String.join(", ", keywords));
        field(entry, "language", String.join(", ", d.strings("languages")));
        entry.append("  url = {").append(d.url().replace("{", "%7B").replace("}", "%7D")).append("},\n"); // verbatim, as BibTeX reads URLs
        field(entry, "note", d.citation());
        out.write(entry.append("}\n\n").toString());
    }

    private static void field(StringBuilder entry, String name, String value) {
        if (!value.isBlank()) {
            entry.append("  ").append(name).append(" = {").append(escape(value.replaceAll("\\s*\\R\\s*", " ").strip())).append("},\n");
        }
    }

    /** TeX's special characters as commands (not for the URL, which BibTeX reads verbatim). */
    static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{' -> out.append("\\{");
                case '}' -> out.append("\\}");
                case '&', '%', '$', '#', '_' -> out.append('\\').append(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
