package net.historyarchive.search.engine;

import com.fasterxml.jackson.databind.JsonNode;
import net.historyarchive.search.result.Hit;
import org.opensearch.client.opensearch.core.explain.Explanation;
import org.opensearch.client.opensearch.core.explain.ExplanationDetail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An OpenSearch hit as the API's {@link Hit}: the stored fields, the score, highlights and, on request, why it scored. */
final class HitMapper {

    /** Marks the highlighter puts around matches: private-use characters no document text holds. */
    static final String MARK_START = "\uE000";
    static final String MARK_END = "\uE001";
    /** Highlighted index fields and the key each has in the API. */
    static final Map<String, String> HIGHLIGHT_KEYS = Map.of("title", "title", "summary", "summary", "people.text", "people",
            "places.text", "places", "subjects.text", "subjects", "body", "text");
    private static final List<String> LIST_KEYS = List.of("people", "places", "subjects");
    private static final Pattern WEIGHT = Pattern.compile("weight\\(([^:\\s]+):(\\S+?)(?: in \\d+)?\\)");

    private HitMapper() {
    }

    static Hit map(org.opensearch.client.opensearch.core.search.Hit<JsonNode> hit, boolean withScore) {
        JsonNode s = hit.source();
        JsonNode date = s.path("date");
        Hit.DateInfo dateInfo = date.isObject() ? new Hit.DateInfo(text(date, "display"),
                date.path("start").isTextual() ? LocalDate.parse(date.get("start").asText()) : null,
                date.path("end").isTextual() ? LocalDate.parse(date.get("end").asText()) : null, text(date, "precision")) : null;
        return new Hit(UUID.fromString(hit.id()), s.path("version").asLong(), text(s, "title"), text(s, "summary"), dateInfo,
                text(s, "documentType"), strings(s, "languages"), strings(s, "collections"), strings(s, "subjects"),
                strings(s, "people"), strings(s, "places"), s.path("hasTranslation").asBoolean(false),
                withScore ? hit.score() : null, highlights(hit.highlight()),
                hit.explanation() == null ? null : explain(hit.explanation()));
    }

    /**
     * Escaped HTML with {@code <mark>} around matches, per field. Body fragments only when the
     * query matched nowhere else in the hit: the result list then still shows why it is there.
     */
    private static Map<String, Object> highlights(Map<String, List<String>> fragments) {
        Map<String, Object> shown = new LinkedHashMap<>();
        if (fragments == null) {
            return shown;
        }
        for (String field : List.of("title", "summary", "people.text", "places.text", "subjects.text")) {
            List<String> marked = fragments.getOrDefault(field, List.of()).stream().filter(f -> f.contains(MARK_START))
                    .map(HitMapper::toHtml).toList();
            if (!marked.isEmpty()) {
                String key = HIGHLIGHT_KEYS.get(field);
                shown.put(key, LIST_KEYS.contains(key) ? marked : marked.get(0));
            }
        }
        List<String> body = fragments.getOrDefault("body", List.of());
        if (shown.isEmpty() && !body.isEmpty()) {
            shown.put("text", String.join(" … ", body.stream().map(HitMapper::toHtml).toList()));
        }
        return shown;
    }

    static String toHtml(String highlighted) {
        StringBuilder html = new StringBuilder(highlighted.length() + 32);
        highlighted.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '&' -> html.append("&amp;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                case 0xE000 -> html.append("<mark>");
                case 0xE001 -> html.append("</mark>");
                default -> html.appendCodePoint(c);
            }
        });
        return html.toString();
    }

    /** The score as a sum of what each matched word earned in each field, largest first. */
    private static Hit.Explanation explain(Explanation explanation) {
        List<Hit.Contribution> contributions = new ArrayList<>();
        collect(explanation.description(), explanation.value(), explanation.details(), contributions);
        contributions.sort((a, b) -> Double.compare(b.score(), a.score()));
        return new Hit.Explanation(explanation.value(), contributions);
    }

    private static void collect(String description, double value, List<ExplanationDetail> details, List<Hit.Contribution> into) {
        Matcher weight = WEIGHT.matcher(description);
        if (weight.find() && description.startsWith("weight(")) {
            into.add(new Hit.Contribution(weight.group(1).replace(".text", "").replace(".plain", ""), weight.group(2), value));
            return;
        }
        if (details != null) {
            for (ExplanationDetail detail : details) {
                collect(detail.description(), detail.value(), detail.details(), into);
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> strings(JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        node.path(field).forEach(v -> values.add(v.asText()));
        return values;
    }
}
