package net.historyarchive.search.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.historyarchive.search.names.NameVariants;
import net.historyarchive.search.view.ChangeEvent;

import java.time.LocalDate;

/**
 * What the view index holds for one document: the fields searched, filtered, faceted and sorted
 * on, derived from the catalog's snapshot, plus the snapshot itself (not indexed) for the detail
 * endpoint. A deleted document is a tombstone that keeps its version, so no late event can bring
 * it back, however long ago it was deleted (OpenSearch forgets versions of real deletions after
 * index.gc_deletes).
 */
final class IndexedDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private IndexedDocument() {
    }

    /**
     * {@code peoplePreferred} and {@code placesPreferred} hold each name in its preferred form
     * ({@link NameVariants#preferred}), so filters and facets group a name's spellings as one.
     */
    static ObjectNode of(ChangeEvent event, NameVariants names) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("id", event.documentId().toString());
        doc.put("version", event.version());
        doc.put("deleted", event.deleted());
        if (event.deleted()) {
            return doc;
        }
        JsonNode s = event.snapshot();
        copyText(s, doc, "createdAt");
        copyText(s, doc, "updatedAt");
        copyText(s, doc, "title");
        copyText(s, doc, "summary");
        copyText(s, doc, "documentType");
        ArrayNode bodies = doc.putArray("body");
        boolean translated = false;
        for (JsonNode text : s.path("texts")) {
            bodies.add(text.path("body").asText(""));
            translated |= "TRANSLATION".equals(text.path("kind").asText());
        }
        doc.put("hasTranslation", translated);
        doc.set("people", strings(s.path("people")));
        doc.set("places", strings(s.path("places")));
        doc.set("peoplePreferred", preferred(s.path("people"), names));
        doc.set("placesPreferred", preferred(s.path("places"), names));
        doc.set("relatedIds", strings(s.path("related"))); // so a document can list the ones that link to it
        doc.set("subjects", strings(s.path("subjects")));
        doc.set("languages", strings(s.path("languages")));
        ArrayNode collections = doc.putArray("collections");
        ArrayNode collectionIds = doc.putArray("collectionIds");
        for (JsonNode collection : s.path("collections")) {
            collections.add(collection.path("name").asText());
            collectionIds.add(collection.path("id").asText());
        }
        JsonNode date = s.path("date");
        if (date.isObject()) {
            ObjectNode shown = doc.putObject("date");
            copyText(date, shown, "display");
            copyText(date, shown, "start");
            copyText(date, shown, "end");
            copyText(date, shown, "precision");
            copyText(date, shown, "qualifier");
            String start = date.path("start").isTextual() ? date.get("start").asText() : null;
            String end = date.path("end").isTextual() ? date.get("end").asText() : start;
            if (start != null) {
                doc.put("dateStart", start);
                doc.put("dateEnd", end);
                doc.putObject("dateSpan").put("gte", start).put("lte", end);
                doc.put("decade", LocalDate.parse(start).getYear() / 10 * 10 + "s");
            }
        }
        doc.set("snapshot", s);
        return doc;
    }

    private static void copyText(JsonNode from, ObjectNode to, String field) {
        JsonNode value = from.get(field);
        if (value != null && value.isTextual()) {
            to.put(field, value.asText());
        }
    }

    static ArrayNode preferred(JsonNode names, NameVariants variants) {
        ArrayNode preferred = JSON.createArrayNode();
        names.forEach(n -> preferred.add(variants.preferred(n.asText())));
        return preferred;
    }

    private static ArrayNode strings(JsonNode array) {
        ArrayNode copy = JSON.createArrayNode();
        array.forEach(v -> copy.add(v.asText()));
        return copy;
    }
}
