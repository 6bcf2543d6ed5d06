package net.historyarchive.search.export;

import com.fasterxml.jackson.databind.JsonNode;
import net.historyarchive.search.readingroom.Citation;

import java.util.ArrayList;
import java.util.List;

/** One document as every format sees it: the catalog's snapshot, its public URL and its Chicago citation. */
record ExportedDocument(JsonNode snapshot, String url, String citation) {

    static ExportedDocument of(JsonNode snapshot, String documentUrlPrefix) {
        String url = documentUrlPrefix + snapshot.path("id").asText();
        JsonNode date = snapshot.path("date");
        String display = date.isObject() ? date.path("display").asText("n.d.") : "n.d.";
        return new ExportedDocument(snapshot, url, Citation.chicago(snapshot, display, url));
    }

    String id() {
        return snapshot.path("id").asText();
    }

    String text(String field) {
        return snapshot.path(field).asText("");
    }

    List<String> strings(String field) {
        List<String> values = new ArrayList<>();
        snapshot.path(field).forEach(v -> values.add(v.asText()));
        return values;
    }

    /** Year, month and day as far as the date's precision knows them (empty when undated). */
    List<Integer> dateParts() {
        JsonNode date = snapshot.path("date");
        String start = date.path("start").asText("");
        if (start.length() < 10) {
            return List.of();
        }
        int year = Integer.parseInt(start.substring(0, 4));
        int month = Integer.parseInt(start.substring(5, 7));
        int day = Integer.parseInt(start.substring(8, 10));
        return switch (date.path("precision").asText("")) {
            case "DAY" -> List.of(year, month, day);
            case "MONTH" -> List.of(year, month);
            case "YEAR", "DECADE", "RANGE" -> List.of(year);
            default -> List.of();
        };
    }

    String dateDisplay() {
        return snapshot.path("date").path("display").asText("");
    }

    String repository() {
        return snapshot.path("source").path("repository").asText("");
    }

    String archivalReference() {
        return Citation.archivalReference(snapshot.path("source"));
    }

    /** The document type in words ("Record of conversation"). */
    String genre() {
        String type = text("documentType");
        return type.isEmpty() ? "" : type.charAt(0) + type.substring(1).toLowerCase().replace('_', ' ');
    }
}
