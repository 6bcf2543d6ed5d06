package net.historyarchive.infra.bench.search;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One query of the search benchmark, engine-neutral: the free-text part as a small tree (rendered
 * as search-service's query syntax, as a PostgreSQL tsquery, as a Lucene query or as OpenSearch's
 * query DSL), filters, the order, the page (by number, or by cursor after {@code cursorDepth} hits)
 * and whether it also asks for the three facets.
 */
public record BenchQuery(String id, String band, Optional<Node> text, Filters filters, Sort sort, int page,
                         int cursorDepth, boolean facets) {

    public static final int SIZE = 10;
    /** The facet variant's three facets (search-service names): type, person, place. */
    public static final List<String> FACETS = List.of("type", "person", "place");
    public static final int FACET_SIZE = 10;

    public enum Sort { RELEVANCE, DATE_ASC, DATE_DESC }

    /** Without facets: the top 10 and the total. */
    public BenchQuery(String id, String band, Optional<Node> text, Filters filters, Sort sort, int page, int cursorDepth) {
        this(id, band, text, filters, sort, page, cursorDepth, false);
    }

    /** The same query, also asking for the three facets. */
    public BenchQuery withFacets() {
        return new BenchQuery(id, band, text, filters, sort, page, cursorDepth, true);
    }

    /** Filters as search-service takes them; an empty list or null means "not filtered". */
    public record Filters(List<String> types, List<String> people, List<String> places, List<String> languages,
                          List<String> subjects, String dateFrom, String dateTo, Boolean hasTranslation) {
        public static final Filters NONE = new Filters(List.of(), List.of(), List.of(), List.of(), List.of(), null, null, null);

        public boolean isEmpty() {
            return this.equals(NONE);
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            types.forEach(t -> b.append(" type=").append(t));
            people.forEach(t -> b.append(" person=").append(t));
            places.forEach(t -> b.append(" place=").append(t));
            languages.forEach(t -> b.append(" language=").append(t));
            subjects.forEach(t -> b.append(" subject=").append(t));
            if (dateFrom != null) {
                b.append(" dateFrom=").append(dateFrom);
            }
            if (dateTo != null) {
                b.append(" dateTo=").append(dateTo);
            }
            if (hasTranslation != null) {
                b.append(" hasTranslation=").append(hasTranslation);
            }
            return b.toString().trim();
        }
    }

    /** The free-text query language every engine can express. */
    public sealed interface Node permits Word, Phrase, Prefix, And, Or, Not {
    }

    public record Word(String text) implements Node {
    }

    public record Phrase(String text) implements Node {
    }

    /** Letters only, lower case, at least three. */
    public record Prefix(String prefix) implements Node {
    }

    public record And(List<Node> operands) implements Node {
    }

    public record Or(List<Node> operands) implements Node {
    }

    public record Not(Node operand) implements Node {
    }

    /** search-service's syntax: words, "phrases", OR, -exclusion, prefix*. */
    public static String render(Node node) {
        if (node instanceof Word w) {
            return w.text();
        }
        if (node instanceof Phrase p) {
            return "\"" + p.text() + "\"";
        }
        if (node instanceof Prefix p) {
            return p.prefix() + "*";
        }
        if (node instanceof Not n) {
            return "-" + render(n.operand());
        }
        if (node instanceof Or o) {
            return o.operands().stream().map(BenchQuery::render).collect(Collectors.joining(" OR "));
        }
        return ((And) node).operands().stream().map(BenchQuery::render).collect(Collectors.joining(" "));
    }

    public String queryText() {
        return text.map(BenchQuery::render).orElse("");
    }

    /** Hits to skip before the measured page (by page number or by cursor). */
    public int offset() {
        return cursorDepth > 0 ? cursorDepth : (page - 1) * SIZE;
    }

    /** For reports: the query as a reader would type it, with filters and paging. */
    public String describe() {
        StringBuilder b = new StringBuilder(text.map(BenchQuery::render).orElse("(no text)"));
        if (!filters.isEmpty()) {
            b.append(" [").append(filters).append(']');
        }
        if (sort != Sort.RELEVANCE) {
            b.append(" sort=").append(sort == Sort.DATE_ASC ? "date-asc" : "date-desc");
        }
        if (page > 1) {
            b.append(" page=").append(page);
        }
        if (cursorDepth > 0) {
            b.append(" cursor after ").append(cursorDepth).append(" hits");
        }
        return b.toString();
    }
}
