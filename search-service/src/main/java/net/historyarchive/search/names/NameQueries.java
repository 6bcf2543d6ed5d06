package net.historyarchive.search.names;

import net.historyarchive.search.query.QueryNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Widens a query so a name typed in one spelling finds it in all: a run of plain words (or a
 * phrase) that spells a known name becomes the alternatives of the name's phrases under every
 * spelling. The runs are looked for longest first, so "Kim Il-sung visit" widens "Kim Il-sung" and
 * keeps "visit". Highlights then mark the spelling each document uses, since that is what matched.
 */
public final class NameQueries {

    private NameQueries() {
    }

    public static QueryNode expand(QueryNode node, NameVariants names) {
        if (node instanceof QueryNode.Word word) {
            return names.lookUp(word.text()).map(NameQueries::anySpelling).orElse(node);
        }
        if (node instanceof QueryNode.Phrase phrase) {
            return names.lookUp(phrase.text()).map(NameQueries::anySpelling).orElse(node);
        }
        if (node instanceof QueryNode.Or or) {
            return new QueryNode.Or(or.operands().stream().map(o -> expand(o, names)).toList());
        }
        if (node instanceof QueryNode.Not not) {
            return new QueryNode.Not(expand(not.operand(), names));
        }
        if (node instanceof QueryNode.And and) {
            return and(and.operands(), names);
        }
        return node;
    }

    private static QueryNode and(List<QueryNode> operands, NameVariants names) {
        List<QueryNode> out = new ArrayList<>();
        for (int i = 0; i < operands.size(); ) {
            int matched = 0;
            for (int n = Math.min(NameVariants.MAX_WORDS, operands.size() - i); n >= 2 && matched == 0; n--) {
                Optional<NameVariants.Name> name = words(operands.subList(i, i + n)).flatMap(names::lookUp);
                if (name.isPresent()) {
                    out.add(anySpelling(name.get()));
                    matched = n;
                }
            }
            if (matched == 0) {
                out.add(expand(operands.get(i), names));
                matched = 1;
            }
            i += matched;
        }
        return out.size() == 1 ? out.get(0) : new QueryNode.And(out);
    }

    /** The run as one spelling, if every operand in it is a plain word. */
    private static Optional<String> words(List<QueryNode> run) {
        StringBuilder text = new StringBuilder();
        for (QueryNode node : run) {
            if (!(node instanceof QueryNode.Word word)) {
                return Optional.empty();
            }
            text.append(word.text()).append(' ');
        }
        return Optional.of(text.toString().strip());
    }

    private static QueryNode anySpelling(NameVariants.Name name) {
        return new QueryNode.Or(NameVariants.phrases(name).stream().<QueryNode>map(QueryNode.Phrase::new).toList());
    }
}
