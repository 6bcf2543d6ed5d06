package net.historyarchive.search.query;

import java.util.List;

/** A parsed free-text query. Leaves keep the user's text; the engine's analysis does the stemming. */
public sealed interface QueryNode {

    /** A plain word: stemmed, accent-insensitive, widened to similar indexed words for typos. */
    record Word(String text) implements QueryNode {
    }

    /** {@code word*}: every indexed word starting with the (lower-cased, unaccented) prefix. */
    record Prefix(String prefix) implements QueryNode {
    }

    /** {@code "exact phrase"}: the words in this order, adjacent (stop words keep their place). */
    record Phrase(String text) implements QueryNode {
    }

    record And(List<QueryNode> operands) implements QueryNode {
    }

    record Or(List<QueryNode> operands) implements QueryNode {
    }

    /** {@code -term}: documents matching the term are excluded. */
    record Not(QueryNode operand) implements QueryNode {
    }
}
