package net.historyarchive.search.search.query;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders a query tree as a PostgreSQL tsquery expression with bound parameters. Two forms:
 * exact (what the user typed, stemmed and unaccented) and fuzzy (each plain word also matches
 * indexed words one typo away, for typos on either side). Functions are defined in the V2 and V4
 * migrations.
 */
public final class TsQuerySql {

    /**
     * The fuzzy form refers to the view's commonest lexemes by this name: the statement that
     * renders it selects {@code archive_common_lexemes() AS lexemes} once as {@code common}, rather
     * than reading the statistics once per word.
     */
    public static final String COMMON_LEXEMES = "common.lexemes";

    private TsQuerySql() {
    }

    /** SQL text plus the parameters its placeholders take, in order. */
    public record Fragment(String sql, List<String> parameters) {
    }

    public static Fragment exact(QueryNode node) {
        return render(node, false);
    }

    public static Fragment fuzzy(QueryNode node) {
        return render(node, true);
    }

    /**
     * The query's plain words as one phrase when the query is nothing but two or more plain words;
     * documents holding that phrase rank above documents with the words scattered.
     */
    public static java.util.Optional<String> impliedPhrase(QueryNode node) {
        if (node instanceof QueryNode.And and && and.operands().stream().allMatch(QueryNode.Word.class::isInstance)) {
            return java.util.Optional.of(and.operands().stream().map(w -> ((QueryNode.Word) w).text())
                    .collect(Collectors.joining(" ")));
        }
        return java.util.Optional.empty();
    }

    /** The plain words, for "did you mean" corrections. */
    public static List<String> words(QueryNode node) {
        if (node instanceof QueryNode.Word word) {
            return List.of(word.text());
        }
        if (node instanceof QueryNode.And and) {
            return and.operands().stream().flatMap(n -> words(n).stream()).toList();
        }
        if (node instanceof QueryNode.Or or) {
            return or.operands().stream().flatMap(n -> words(n).stream()).toList();
        }
        return List.of(); // excluded words, phrases and prefixes are taken as typed
    }

    private static Fragment render(QueryNode node, boolean fuzzy) {
        if (node instanceof QueryNode.Word word) {
            return new Fragment(fuzzy ? "archive_fuzzy_tsquery(?, " + COMMON_LEXEMES + ")" : "plainto_tsquery('english', archive_unaccent(?))",
                    List.of(word.text()));
        }
        if (node instanceof QueryNode.Prefix prefix) {
            // The prefix holds only letters and digits (see QueryParser), so ':*' cannot be subverted.
            return new Fragment("to_tsquery('english', ? || ':*')", List.of(prefix.prefix()));
        }
        if (node instanceof QueryNode.Phrase phrase) {
            return new Fragment("phraseto_tsquery('english', archive_unaccent(?))", List.of(phrase.text()));
        }
        if (node instanceof QueryNode.Not not) {
            Fragment inner = render(not.operand(), false); // excluding a typo's neighbours would surprise
            return new Fragment("(!! " + inner.sql() + ")", inner.parameters());
        }
        List<QueryNode> operands = node instanceof QueryNode.And and ? and.operands() : ((QueryNode.Or) node).operands();
        String operator = node instanceof QueryNode.And ? " && " : " || ";
        List<Fragment> parts = operands.stream().map(n -> render(n, fuzzy)).toList();
        return new Fragment(parts.stream().map(Fragment::sql).collect(Collectors.joining(operator, "(", ")")),
                parts.stream().flatMap(p -> p.parameters().stream()).toList());
    }
}
