package net.historyarchive.search.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/**
 * Turns a record of the generated corpus (the catalog's import format) into the created event the
 * catalog would publish for it, the way the catalog completes a record: ids, version 1, date
 * bounds widened to the precision. Lets search tests hold thousands of realistic documents
 * without running the catalog.
 */
public final class CorpusEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CorpusEvents() {
    }

    public static String created(UUID id, String importLine, String collection) {
        try {
            JsonNode record = JSON.readTree(importLine);
            ObjectNode event = (ObjectNode) JSON.readTree(CatalogEvents.example("created", id));
            ObjectNode data = (ObjectNode) event.get("data");
            for (String field : new String[]{"summary", "date", "documentType", "source", "rights"}) {
                data.remove(field);
            }
            for (String field : new String[]{"title", "summary", "documentType", "source", "rights"}) {
                if (record.has(field)) {
                    data.set(field, record.get(field));
                }
            }
            for (String field : new String[]{"languages", "subjects", "people", "places"}) {
                data.set(field, record.has(field) ? record.get(field) : JSON.createArrayNode());
            }
            ArrayNode texts = data.putArray("texts");
            record.path("texts").forEach(t -> {
                ObjectNode text = texts.addObject().put("kind", t.path("kind").asText()).put("language", t.path("language").asText())
                        .put("body", t.path("body").asText());
                if (t.has("translators")) {
                    text.set("translators", t.get("translators"));
                }
            });
            data.putArray("related");
            data.putArray("media");
            ArrayNode collections = data.putArray("collections");
            collections.addObject().put("id", UUID.nameUUIDFromBytes(collection.getBytes()).toString()).put("name", collection);
            if (record.has("date")) {
                data.set("date", widened(record.get("date")));
            }
            return JSON.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode widened(JsonNode date) {
        String precision = date.path("precision").asText("DAY");
        ObjectNode widened = JSON.createObjectNode().put("precision", precision)
                .put("qualifier", date.path("qualifier").asText("NONE"));
        if (!date.path("start").isTextual()) {
            return widened.put("display", date.path("display").asText("undated"));
        }
        LocalDate start = LocalDate.parse(date.get("start").asText());
        LocalDate end = switch (precision) {
            case "MONTH" -> YearMonth.from(start).atEndOfMonth();
            case "YEAR" -> start.withDayOfYear(start.lengthOfYear());
            case "DECADE" -> LocalDate.of(start.getYear() / 10 * 10 + 9, 12, 31);
            case "RANGE" -> date.path("end").isTextual() ? LocalDate.parse(date.get("end").asText()) : start;
            default -> start;
        };
        if (precision.equals("MONTH")) {
            start = start.withDayOfMonth(1);
        } else if (precision.equals("YEAR")) {
            start = start.withDayOfYear(1);
        } else if (precision.equals("DECADE")) {
            start = LocalDate.of(start.getYear() / 10 * 10, 1, 1);
        }
        return widened.put("display", date.path("display").asText(start.toString())).put("start", start.toString()).put("end", end.toString());
    }
}
