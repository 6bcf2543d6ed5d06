package net.historyarchive.search.readingroom;

import io.quarkus.qute.RawString;
import net.historyarchive.search.result.Hit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A hit as the result list shows it. The highlighted fields are rendered unescaped: the search
 * service escapes the document's text itself and adds only {@code <mark>} tags (see the
 * highlights in the API's Hit), and these are the only raw values the reading room prints.
 */
public record HitView(String href, String title, RawString highlightedTitle, String date, String type,
                      String summary, RawString highlightedSummary, List<Matched> matchedNames, RawString textFragment,
                      String matchedIn) {

    /** People, places or subjects that matched, with the match marked. */
    public record Matched(String label, List<RawString> values) {
    }

    static HitView of(Hit hit) {
        Map<String, Object> highlights = hit.highlights() == null ? Map.of() : hit.highlights();
        List<Matched> names = new ArrayList<>();
        addNames(names, "People", highlights.get("people"));
        addNames(names, "Places", highlights.get("places"));
        addNames(names, "Subjects", highlights.get("subjects"));
        return new HitView("/documents/" + hit.id(), hit.title(), raw(highlights.get("title")),
                hit.date() == null || hit.date().display() == null ? "Undated" : hit.date().display(),
                Labels.documentType(hit.documentType()), hit.summary(), raw(highlights.get("summary")), names,
                raw(highlights.get("text")), matchedIn(highlights));
    }

    /** "title, summary": which fields the words were found in, in the order the service ranks them. */
    private static String matchedIn(Map<String, Object> highlights) {
        List<String> fields = new ArrayList<>();
        for (String field : List.of("title", "people", "places", "subjects", "summary", "text")) {
            if (highlights.containsKey(field)) {
                fields.add(field.equals("text") ? "full text" : field);
            }
        }
        return String.join(", ", fields);
    }

    private static void addNames(List<Matched> names, String label, Object highlighted) {
        if (highlighted instanceof List<?> values && !values.isEmpty()) {
            names.add(new Matched(label, values.stream().map(v -> new RawString(String.valueOf(v))).toList()));
        }
    }

    private static RawString raw(Object highlighted) {
        if (highlighted instanceof List<?> fragments) {
            return fragments.isEmpty() ? null : new RawString(String.join(" … ", fragments.stream().map(String::valueOf).toList()));
        }
        return highlighted == null ? null : new RawString(highlighted.toString());
    }
}
