package net.historyarchive.search.readingroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The document as schema.org JSON-LD (an ArchiveComponent held by its archive), for search
 * engines. It goes into a {@code <script type="application/ld+json">} element, which the browser
 * never runs but whose end a {@code </script>} in a title would close: every {@code <} is
 * written as {@code \u003c}, which JSON reads as the same character.
 */
final class JsonLd {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLd() {
    }

    static String of(JsonNode document, String permalink) {
        ObjectNode ld = JSON.createObjectNode();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "ArchiveComponent");
        ld.put("@id", permalink);
        ld.put("url", permalink);
        ld.put("identifier", DocumentPage.text(document, "id"));
        ld.put("name", DocumentPage.text(document, "title"));
        putIfPresent(ld, "description", DocumentPage.text(document, "summary"));
        JsonNode date = document.path("date");
        String start = DocumentPage.text(date, "start");
        String end = DocumentPage.text(date, "end");
        if (!start.isEmpty()) {
            ld.put("dateCreated", start.equals(end) || end.isEmpty() ? start : start + "/" + end);
        }
        putIfPresent(ld, "genre", Labels.documentType(DocumentPage.text(document, "documentType")));
        ArrayNode languages = ld.putArray("inLanguage");
        document.path("languages").forEach(languages::add);
        things(ld.putArray("about"), "Thing", document.path("subjects"));
        ArrayNode mentions = ld.putArray("mentions");
        things(mentions, "Person", document.path("people"));
        things(mentions, "Place", document.path("places"));
        ArrayNode partOf = ld.putArray("isPartOf");
        document.path("collections").forEach(c -> partOf.addObject().put("@type", "Collection").put("name", DocumentPage.text(c, "name")));
        JsonNode source = document.path("source");
        if (!DocumentPage.text(source, "repository").isEmpty()) {
            ld.putObject("holdingArchive").put("@type", "ArchiveOrganization").put("name", DocumentPage.text(source, "repository"));
        }
        putIfPresent(ld, "itemLocation", Citation.archivalReference(source));
        JsonNode rights = document.path("rights");
        putIfPresent(ld, "license", DocumentPage.text(rights, "uri"));
        putIfPresent(ld, "copyrightNotice", DocumentPage.text(rights, "statement"));
        putIfPresent(ld, "dateModified", DocumentPage.text(document, "updatedAt"));
        return ld.toString().replace("<", "\\u003c");
    }

    private static void things(ArrayNode into, String type, JsonNode names) {
        names.forEach(name -> into.addObject().put("@type", type).put("name", name.asText()));
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (!value.isEmpty()) {
            node.put(field, value);
        }
    }
}
