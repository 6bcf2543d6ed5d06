package net.historyarchive.search.engine;

import net.historyarchive.search.query.QueryNode;
import net.historyarchive.search.query.QueryParser;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.Operator;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch._types.query_dsl.TextQueryType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The search box's query tree as an OpenSearch query. Words must all match, each in any field
 * (title, names, summary, body); the field weights rank title above names above summary above
 * body. Stop words are dropped from plain words and OR groups, so "talks with Mao" needs only
 * "talks" and "Mao"; a query of nothing but stop words searches them as typed. Phrases keep every
 * word in place. A word the index does not know but a look-alike of it does is widened to its
 * look-alikes, and the exact word still counts, so widening never makes a query stricter.
 */
final class QueryTranslator {

    /** Searched fields with their weights. */
    static final List<String> FIELDS = List.of("title^4", "people.text^3", "places.text^3", "subjects.text^3", "summary^2", "body");
    /**
     * Prefixes match unstemmed words: the short fields' own plain sub-fields, and for summary and
     * body the {@code spell} field, which holds every field's words unstemmed (indexing the long
     * texts a third time for prefixes alone made ingest measurably slower).
     */
    private static final List<String> PLAIN_FIELDS = List.of("title.plain", "people.plain", "places.plain", "subjects.plain",
            "spell");
    private static final String INDEX_ANALYZER = "archive_text";

    private final Spelling.Plan spelling;
    private final boolean keepStopWords;

    private QueryTranslator(Spelling.Plan spelling, boolean keepStopWords) {
        this.spelling = spelling;
        this.keepStopWords = keepStopWords;
    }

    /** The query that decides which documents match. */
    static Query matching(QueryNode node, Spelling.Plan spelling) {
        Optional<Query> query = new QueryTranslator(spelling, false).translate(node);
        return query.or(() -> new QueryTranslator(spelling, true).translate(node))
                .orElseGet(() -> Query.of(q -> q.matchNone(m -> m)));
    }

    /**
     * For a query of several terms that no document holds all of ("talks with Mao" where no record
     * says "talks"): most of the terms (three of four, one of two) must match instead, so the reader
     * sees the documents that come closest rather than nothing; exclusions still hold. Empty when
     * the query has fewer than two terms to relax.
     */
    static Optional<Query> relaxed(QueryNode node, Spelling.Plan spelling) {
        if (!(node instanceof QueryNode.And and)) {
            return Optional.empty();
        }
        QueryTranslator translator = new QueryTranslator(spelling, false);
        BoolQuery.Builder bool = new BoolQuery.Builder();
        int terms = 0;
        for (QueryNode operand : and.operands()) {
            if (operand instanceof QueryNode.Not not) {
                translator.translate(not.operand()).ifPresent(bool::mustNot);
            } else {
                Optional<Query> query = translator.translate(operand);
                if (query.isPresent()) {
                    bool.should(query.get());
                    terms++;
                }
            }
        }
        if (terms < 2) {
            return Optional.empty();
        }
        return Optional.of(Query.of(q -> q.bool(bool.minimumShouldMatch("75%").build())));
    }

    /**
     * An optional clause that lifts documents whose title holds every word, on every match: cheap (a
     * term query on the short title field), and what ranks a title match above the many summary
     * matches of a common word. It never changes which documents match.
     */
    static Optional<Query> titleBonus(List<String> words) {
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String text = String.join(" ", words);
        return Optional.of(Query.of(q -> q.match(m -> m.field("title").query(v -> v.stringValue(text)).operator(Operator.And).boost(2f))));
    }

    /**
     * A clause that lifts documents where the words stand together as typed (a phrase with slop over
     * title and summary): positional and costly on every match of a common phrase, so it is given to
     * the best matches only ({@link ResultOrder}).
     */
    static Optional<Query> phraseBonus(List<String> words) {
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String text = String.join(" ", words);
        return Optional.of(Query.of(q -> q.multiMatch(m -> m.query(text).fields("title^2", "summary").type(TextQueryType.Phrase).slop(2)
                .boost(2f))));
    }

    private Optional<Query> translate(QueryNode node) {
        if (node instanceof QueryNode.Word word) {
            return word(word.text());
        }
        if (node instanceof QueryNode.Phrase phrase) {
            return Optional.of(phrase(phrase.text()));
        }
        if (node instanceof QueryNode.Prefix prefix) {
            return Optional.of(prefix(prefix.prefix()));
        }
        if (node instanceof QueryNode.Or or) {
            return or(or.operands());
        }
        if (node instanceof QueryNode.And and) {
            return and(and.operands());
        }
        QueryNode.Not not = (QueryNode.Not) node;
        return translate(not.operand()).map(q -> Query.of(b -> b.bool(x -> x.mustNot(q))));
    }

    private Optional<Query> word(String typed) {
        String word = typed.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
        if (word.isEmpty()) {
            return Optional.empty();
        }
        if (!word.codePoints().allMatch(Character::isLetterOrDigit)) {
            // "Il-u", "A.M.", "P'yŏngyang": the parts in their order, as the text has them
            return Optional.of(phrase(word));
        }
        if (!keepStopWords && IndexDefinition.stopWords().contains(QueryParser.fold(word))) {
            return Optional.empty();
        }
        Query exact = Query.of(q -> q.multiMatch(m -> {
            m.query(word).fields(FIELDS).type(TextQueryType.CrossFields).operator(Operator.And);
            return keepStopWords ? m.analyzer(INDEX_ANALYZER) : m;
        }));
        List<String> lookAlikes = spelling.lookAlikesOf(typed);
        if (lookAlikes.isEmpty() || keepStopWords) {
            return Optional.of(exact);
        }
        List<Query> alternatives = new ArrayList<>();
        alternatives.add(exact);
        for (String term : lookAlikes) {
            // the look-alikes are indexed terms already (stemmed): matched as they are, and worth less than the word typed
            alternatives.add(Query.of(q -> q.multiMatch(m -> m.query(term).fields(FIELDS).analyzer("keyword")
                    .type(TextQueryType.BestFields).boost(0.5f))));
        }
        return Optional.of(Query.of(q -> q.bool(b -> b.should(alternatives).minimumShouldMatch("1"))));
    }

    private static Query phrase(String text) {
        return Query.of(q -> q.multiMatch(m -> m.query(text).fields(FIELDS).type(TextQueryType.Phrase).analyzer(INDEX_ANALYZER)));
    }

    private static Query prefix(String prefix) {
        List<Query> fields = PLAIN_FIELDS.stream().map(f -> Query.of(q -> q.prefix(p -> p.field(f).value(prefix)))).toList();
        return Query.of(q -> q.bool(b -> b.should(fields).minimumShouldMatch("1")));
    }

    private Optional<Query> or(List<QueryNode> operands) {
        List<Query> alternatives = new ArrayList<>();
        operands.forEach(o -> translate(o).ifPresent(alternatives::add));
        if (alternatives.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(alternatives.size() == 1 ? alternatives.get(0)
                : Query.of(q -> q.bool(b -> b.should(alternatives).minimumShouldMatch("1"))));
    }

    private Optional<Query> and(List<QueryNode> operands) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        boolean positive = false;
        for (QueryNode operand : operands) {
            if (operand instanceof QueryNode.Not not) {
                translate(not.operand()).ifPresent(bool::mustNot);
            } else {
                Optional<Query> query = translate(operand);
                if (query.isPresent()) {
                    bool.must(query.get());
                    positive = true;
                }
            }
        }
        if (!positive) {
            return Optional.empty();
        }
        return Optional.of(Query.of(q -> q.bool(bool.build())));
    }
}
