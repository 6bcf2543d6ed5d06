package net.historyarchive.search.search.repository;

import java.util.List;
import java.util.Map;

/**
 * Turns ts_headline output into safe HTML: the document's text is escaped, then the match markers
 * become {@code <mark>} tags, so a title holding "<script>" can be shown as it is.
 */
final class Highlights {

    private Highlights() {
    }

    static void putIfMarked(Map<String, Object> highlights, String field, String headline) {
        if (headline != null && headline.contains(SearchRepository.MARK_START)) {
            highlights.put(field, toHtml(headline));
        }
    }

    static void putMarkedElements(Map<String, Object> highlights, String field, List<String> headlines) {
        List<String> marked = headlines.stream().filter(h -> h.contains(SearchRepository.MARK_START)).map(Highlights::toHtml).toList();
        if (!marked.isEmpty()) {
            highlights.put(field, marked);
        }
    }

    static String toHtml(String headline) {
        StringBuilder html = new StringBuilder(headline.length() + 32);
        headline.codePoints().forEach(c -> {
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
}
