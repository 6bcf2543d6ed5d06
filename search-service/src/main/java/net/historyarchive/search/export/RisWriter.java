package net.historyarchive.search.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RIS, as reference managers import it: each document a manuscript (TY MANSCPT) with title,
 * date (DA YYYY/MM/DD/), abstract, archive and archival reference, keywords, URL and the citation
 * as a note. Line breaks inside values become spaces (RIS has one tag a line).
 */
final class RisWriter implements ExportWriter {

    private final Writer out;

    RisWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(ExportedDocument d) throws IOException {
        tag("TY", "MANSCPT");
        tag("ID", d.id());
        tag("TI", d.text("title"));
        List<Integer> date = d.dateParts();
        if (!date.isEmpty()) {
            tag("PY", String.valueOf(date.get(0)));
            tag("DA", String.format("%04d/%s/%s/", date.get(0), date.size() > 1 ? String.format("%02d", date.get(1)) : "",
                    date.size() > 2 ? String.format("%02d", date.get(2)) : ""));
        }
        tag("M3", d.genre());
        tag("AB", d.text("summary"));
        tag("AV", join(d.repository(), d.archivalReference()));
        for (String keyword : d.strings("people")) {
            tag("KW", keyword);
        }
        for (String keyword : d.strings("places")) {
            tag("KW", keyword);
        }
        for (String keyword : d.strings("subjects")) {
            tag("KW", keyword);
        }
        for (String language : d.strings("languages")) {
            tag("LA", language);
        }
        tag("DB", net.historyarchive.search.readingroom.Citation.ARCHIVE_NAME);
        tag("UR", d.url());
        tag("N1", d.citation());
        out.write("ER  - \r\n\r\n");
    }

    private void tag(String tag, String value) throws IOException {
        if (!value.isBlank()) {
            out.write(tag + "  - " + value.replaceAll("\\s*\\R\\s*", " ").strip() + "\r\n");
        }
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + ", " + b;
    }
}
