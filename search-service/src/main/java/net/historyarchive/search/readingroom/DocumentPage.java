package net.historyarchive.search.readingroom;

import com.fasterxml.jackson.databind.JsonNode;
import net.historyarchive.search.result.RelatedDocument;
import io.quarkus.qute.RawString;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;

/** Everything the document page shows, read from the document's snapshot in the view. */
public record DocumentPage(
        String id,
        String title,
        String summary,
        String date,
        String dateDetail,
        String type,
        List<String> languages,
        List<TextView> texts,
        Source source,
        Rights rights,
        List<SearchPage.Link> people,
        List<SearchPage.Link> places,
        List<SearchPage.Link> subjects,
        List<SearchPage.Link> collections,
        List<RelatedLink> related,
        List<Media> media,
        String citation,
        String permalink,
        String jsonHref,
        RawString jsonLd,
        long version,
        String updatedAt) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

    /** One text of the document; {@code lang} marks its language for screen readers and hyphenation. */
    public record TextView(String heading, String lang, List<String> paragraphs, String translators) {
    }

    /** A related document: its title, its page, and why it is related (in words; empty for a link only this record makes). */
    public record RelatedLink(String label, String href, String because) {
    }

    public record Source(String repository, String reference, String citation) {
    }

    /** The rights statement; {@code uri} only when it is a web link (never a script URL). */
    public record Rights(String statement, String uri, String reuse) {
    }

    public record Media(String caption, String uri, String mediaType) {
    }

    /**
     * @param relatedTitles titles of the related documents the view holds (the others are listed by id)
     * @param found         the related documents the view found (links both ways, same people, similar text)
     * @param permalink     the absolute URL of this page
     */
    static DocumentPage of(JsonNode document, Map<String, String> relatedTitles, List<RelatedDocument> found, String permalink) {
        String id = document.path("id").asText();
        JsonNode date = document.path("date");
        String display = date.isObject() ? text(date, "display") : "Undated";
        String qualifier = Labels.dateQualifier(text(date, "qualifier"));
        String dateDetail = date.isObject() ? Labels.datePrecision(text(date, "precision")) + (qualifier.isEmpty() ? "" : ", " + qualifier) : "";
        Map<String, RelatedDocument> byId = new java.util.LinkedHashMap<>();
        found.forEach(r -> byId.put(r.id(), r));
        List<RelatedLink> related = new ArrayList<>();
        for (JsonNode other : document.path("related")) {
            String title = relatedTitles.get(other.asText());
            RelatedDocument r = byId.remove(other.asText());
            related.add(new RelatedLink(title == null ? "Document " + other.asText() : title, "/documents/" + other.asText(),
                    r == null ? "" : String.join("; ", r.because())));
        }
        byId.values().forEach(r -> related.add(new RelatedLink(r.title(), "/documents/" + r.id(), String.join("; ", r.because()))));
        return new DocumentPage(id, text(document, "title"), text(document, "summary"), display,
                dateDetail,
                Labels.documentType(text(document, "documentType")),
                strings(document.path("languages")).stream().map(Labels::language).toList(),
                texts(document.path("texts")), source(document.path("source")), rights(document.path("rights")),
                searchLinks("person", strings(document.path("people"))), searchLinks("place", strings(document.path("places"))),
                searchLinks("subject", strings(document.path("subjects"))),
                searchLinks("collection", StreamSupport.stream(document.path("collections").spliterator(), false)
                        .map(c -> text(c, "name")).toList()),
                related, media(document.path("media")), Citation.chicago(document, date.isObject() ? display : "n.d.", permalink), permalink,
                "/api/v1/documents/" + id, new RawString(JsonLd.of(document, permalink)), document.path("version").asLong(),
                day(text(document, "updatedAt")));
    }

    public boolean sideBySide() {
        return texts.size() > 1;
    }

    private static List<TextView> texts(JsonNode texts) {
        List<TextView> views = new ArrayList<>();
        for (JsonNode text : texts) {
            String language = text(text, "language");
            List<String> paragraphs = List.of(text(text, "body").split("\\R\\s*\\R"));
            views.add(new TextView(Labels.textKind(text(text, "kind")) + " (" + Labels.language(language) + ")", language,
                    paragraphs, String.join(", ", strings(text.path("translators")))));
        }
        return views;
    }

    private static Source source(JsonNode source) {
        if (!source.isObject()) {
            return null;
        }
        return new Source(text(source, "repository"), Citation.archivalReference(source), text(source, "citation"));
    }

    private static Rights rights(JsonNode rights) {
        if (!rights.isObject()) {
            return null;
        }
        return new Rights(text(rights, "statement"), webLink(text(rights, "uri")), Labels.reuse(text(rights, "reuse")));
    }

    private static List<Media> media(JsonNode media) {
        List<Media> items = new ArrayList<>();
        for (JsonNode item : media) {
            String uri = text(item, "uri");
            String caption = text(item, "caption");
            items.add(new Media(caption.isEmpty() ? uri : caption, webLink(uri), text(item, "mediaType")));
        }
        return items;
    }

    /** Each value links to the search filtered by it. */
    private static List<SearchPage.Link> searchLinks(String parameter, List<String> values) {
        return values.stream().map(v -> new SearchPage.Link(v,
                SearchState.of(Map.of(parameter, List.of(v))).href(), false)).toList();
    }

    /** The URI if it is an http(s) link; anything else (javascript:, data:) is shown as text only. */
    private static String webLink(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? uri : null;
    }

    /** An instant as its day in UTC ("November 28, 2026"); as it is if it is not an instant. */
    private static String day(String instant) {
        try {
            return DAY.format(OffsetDateTime.parse(instant).atZoneSameInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return instant;
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
