package net.historyarchive.search.search;

import net.historyarchive.search.query.QueryNode;
import net.historyarchive.search.query.QueryNode.And;
import net.historyarchive.search.query.QueryNode.Not;
import net.historyarchive.search.query.QueryNode.Or;
import net.historyarchive.search.query.QueryNode.Phrase;
import net.historyarchive.search.query.QueryNode.Prefix;
import net.historyarchive.search.query.QueryNode.Word;
import net.historyarchive.search.query.QueryParser;
import net.historyarchive.search.query.QuerySyntaxException;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The query syntax, without a database. */
class QueryParserTest {

    @Test
    void wordsAreAllRequired() {
        assertThat(parse("kim il sung")).isEqualTo(new And(List.of(new Word("kim"), new Word("il"), new Word("sung"))));
    }

    @Test
    void orBindsLooserThanAnd() {
        assertThat(parse("soviet embassy OR chinese delegation")).isEqualTo(new Or(List.of(
                new And(List.of(new Word("soviet"), new Word("embassy"))),
                new And(List.of(new Word("chinese"), new Word("delegation"))))));
        assertThat(parse("korea or china")).isEqualTo(new And(List.of(new Word("korea"), new Word("or"), new Word("china"))));
    }

    @Test
    void phrasesExclusionsPrefixesAndGroups() {
        assertThat(parse("\"August Plenum\" -Mikoyan Pyong* (Mao OR Peng)")).isEqualTo(new And(List.of(
                new Phrase("August Plenum"), new Not(new Word("Mikoyan")), new Prefix("pyong"),
                new Or(List.of(new Word("Mao"), new Word("Peng"))))));
        assertThat(parse("Máo*")).isEqualTo(new Prefix("mao"));
        assertThat(parse("-\"cold war\" korea")).isEqualTo(new And(List.of(new Not(new Phrase("cold war")), new Word("korea"))));
    }

    @Test
    void punctuationInsideWordsIsText() {
        assertThat(parse("Dong-yong O'Brien a&b x:y")).isEqualTo(new And(List.of(
                new Word("Dong-yong"), new Word("O'Brien"), new Word("a&b"), new Word("x:y"))));
    }

    @Test
    void blankIsABrowse() {
        assertThat(QueryParser.parse("   ")).isEmpty();
        assertThat(QueryParser.parse(null)).isEmpty();
    }

    @Test
    void errorsSayWhere() {
        assertThatThrownBy(() -> parse("korea \"plenum")).isInstanceOf(QuerySyntaxException.class).hasMessageContaining("position 7");
        assertThatThrownBy(() -> parse("(a OR b")).hasMessageContaining("Unclosed '('");
        assertThatThrownBy(() -> parse("a OR")).hasMessageContaining("OR needs a term on both sides");
        assertThatThrownBy(() -> parse("-a -b")).hasMessageContaining("only excludes");
        assertThatThrownBy(() -> parse("--a")).hasMessageContaining("Nothing to exclude");
    }

    private static QueryNode parse(String text) {
        return QueryParser.parse(text).orElseThrow();
    }
}
