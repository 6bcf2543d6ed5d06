package net.historyarchive.search.readingroom;

import net.historyarchive.search.result.Hit;
import net.historyarchive.search.result.SearchResult;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The result line and the page bar for totals the browser tests' ten documents never reach. */
class ResultLineAndPagesTest {

    private static final int MAX_WINDOW = 10_000;

    @Test
    void anExactTotalReadsAsOnTheSeedPage() {
        assertThat(ResultLine.of(result(1, 10, 25, "eq", true))).isEqualTo("Results: 1 - 10 of 25");
        assertThat(ResultLine.of(result(0, 0, 0, "eq", false))).isEqualTo("No results");
    }

    @Test
    void aLowerBoundSaysAtLeast() {
        assertThat(ResultLine.of(result(1, 10, 1000, "gte", true))).isEqualTo("Results: 1 - 10 of at least 1,000");
    }

    @Test
    void tenPageNumbersAroundTheCurrentOneWithPreviousAndNext() {
        SearchPage.Pagination first = PageLinks.of(state("1"), result(1, 10, 25, "eq", true), 10, MAX_WINDOW);
        assertThat(first.pages()).extracting(SearchPage.Link::label).containsExactly("1", "2", "3");
        assertThat(first.previous()).isNull();
        assertThat(first.next().href()).isEqualTo("/?q=korea&page=2");
        assertThat(first.pages().get(0).href()).as("page one is the search's own URL").isEqualTo("/?q=korea");

        SearchPage.Pagination middle = PageLinks.of(state("40"), result(391, 400, 1000, "eq", true), 10, MAX_WINDOW);
        assertThat(middle.pages()).extracting(SearchPage.Link::label).containsExactly("36", "37", "38", "39", "40", "41", "42", "43", "44", "45");
        assertThat(middle.pages()).filteredOn(SearchPage.Link::current).extracting(SearchPage.Link::label).containsExactly("40");
        assertThat(middle.previous().href()).isEqualTo("/?q=korea&page=39");
    }

    @Test
    void beyondALowerBoundThereIsANextPageWhileTheServiceOffersOneUpToThePageWindow() {
        SearchPage.Pagination atBound = PageLinks.of(state("100"), result(991, 1000, 1000, "gte", true), 10, MAX_WINDOW);
        assertThat(atBound.next().href()).isEqualTo("/?q=korea&page=101");
        SearchPage.Pagination deepest = PageLinks.of(state("1000"), result(9991, 10000, 1000, "gte", true), 10, MAX_WINDOW);
        assertThat(deepest.next()).as("page times size may not pass the window").isNull();
        SearchPage.Pagination exhausted = PageLinks.of(state("1"), result(1, 10, 10, "eq", false), 10, MAX_WINDOW);
        assertThat(exhausted.shown()).isFalse();
    }

    private static SearchState state(String page) {
        return SearchState.of(Map.of("q", List.of("korea"), "page", List.of(page)));
    }

    private static SearchResult result(long from, long to, long total, String relation, boolean more) {
        List<Hit> hits = Collections.nCopies((int) (to - from + (from == 0 ? 0 : 1)),
                new Hit(UUID.randomUUID(), 1, "t", null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(), false, null, Map.of(), null));
        return new SearchResult(new SearchResult.Total(total, relation), from, to, hits, Map.of(), "eq".equals(relation),
                more ? "cursor" : null, null, null);
    }
}
