package net.historyarchive.search.readingroom;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A ready citation in Chicago style (notes and bibliography, archival document consulted online):
 * "Title," date, archive, fond, opis, delo, folios. Translated by … . Archive name, permalink.
 */
public final class Citation {

    public static final String ARCHIVE_NAME = "History Archive";

    private Citation() {
    }

    public static String chicago(JsonNode document, String date, String permalink) {
        StringBuilder citation = new StringBuilder();
        citation.append('\u201C').append(DocumentPage.text(document, "title").strip()).append(",\u201D ").append(date);
        JsonNode source = document.path("source");
        String archive = DocumentPage.text(source, "citation");
        if (archive.isEmpty()) {
            archive = join(DocumentPage.text(source, "repository"), archivalReference(source));
        }
        if (!archive.isEmpty()) {
            citation.append(", ").append(archive);
        }
        citation.append('.');
        Set<String> translators = new LinkedHashSet<>();
        document.path("texts").forEach(text -> translators.addAll(DocumentPage.strings(text.path("translators"))));
        if (!translators.isEmpty()) {
            citation.append(" Translated by ").append(String.join(" and ", translators)).append('.');
        }
        return citation.append(' ').append(ARCHIVE_NAME).append(", ").append(permalink).append('.').toString();
    }

    /** "fond 3, opis 65, delo 779, folios 1-12", the parts the source has. */
    public static String archivalReference(JsonNode source) {
        List<String> parts = new ArrayList<>();
        for (String part : List.of("fond", "opis", "delo", "folios")) {
            String value = DocumentPage.text(source, part);
            if (!value.isEmpty()) {
                parts.add(part + " " + value);
            }
        }
        return String.join(", ", parts);
    }

    private static String join(String first, String second) {
        return first.isEmpty() ? second : second.isEmpty() ? first : first + ", " + second;
    }
}
