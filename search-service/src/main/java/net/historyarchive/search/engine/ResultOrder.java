package net.historyarchive.search.engine;

import net.historyarchive.search.query.SearchRequest.Sort;
import net.historyarchive.search.query.SearchRequestParser;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;

import java.util.ArrayList;
import java.util.List;

/**
 * The order of a search's hits, total so that a cursor continues it without skipping or repeating
 * a hit.
 * <p>
 * Relevance pages reached by number (the first page above all) are sorted by score alone, ties in
 * the index's internal document order. Any second sort key makes the engine score and compare
 * every match instead of skipping the blocks that cannot reach the page: measured at 1,000,000
 * documents, "party" took 34 ms with the document id as tie-breaker and 4.5 ms without
 * (docs/benchmarks.md, search latency). The phrase bonus (the words stand together) is added to
 * the best {@link #bonusWindow} matches only, as a rescore: on every match the bonuses cost the
 * node up to 20 times the query itself for common phrases ("central committee": 24 ms without,
 * 432 ms with them, at 3,000,000 documents). Since a bonus only adds,
 * the best matches stay ahead of the rest, so past the window the order is the plain score's.
 * <p>
 * A cursor walk goes on in the same order inside a point in time: by number up to the end of the
 * bonus window (and on by number, without bonuses, while the page-number window allows), then with
 * the internal document number ({@code _doc}) as the explicit tie-breaker and search_after from a
 * hit past the bonus window. That order is exact on an index of one shard (the default); on several shards
 * two hits with equal scores and equal internal numbers could meet where numbered pages hand over
 * to the cursor. Every other order ends with the document id.
 */
final class ResultOrder {

    private ResultOrder() {
    }

    /** The index's own limit on from + size (max_result_window in opensearch/documents-index.json). */
    private static final int INDEX_RESULT_WINDOW = 10_000;

    /**
     * How many of the best matches get the ranking bonuses: as configured, at most the page-number
     * window, and shallow enough that a cursor page starting at its end can still be asked for by
     * number (from + size within the index's limit).
     */
    static int bonusWindow(EngineSettings settings) {
        int limit = Math.min(settings.maxPageWindow(), INDEX_RESULT_WINDOW - SearchRequestParser.MAX_SIZE);
        return Math.max(0, Math.min(settings.bonusWindow(), limit));
    }

    /**
     * The deepest rank a cursor this service issued can hold: the end of a numbered page, or of a
     * cursor page among the best matches.
     */
    static long deepestRank(EngineSettings settings) {
        return Math.max(settings.maxPageWindow(), bonusWindow(settings) + SearchRequestParser.MAX_SIZE);
    }

    static List<SortOptions> sort(Sort sort, boolean scoreAlone) {
        List<SortOptions> order = new ArrayList<>();
        switch (sort) {
            case RELEVANCE -> order.add(SortOptions.of(s -> s.score(x -> x.order(SortOrder.Desc))));
            case DATE_ASC -> {
                order.add(field("dateStart", SortOrder.Asc));
                order.add(field("dateEnd", SortOrder.Asc));
            }
            case DATE_DESC -> {
                order.add(field("dateStart", SortOrder.Desc));
                order.add(field("dateEnd", SortOrder.Desc));
            }
            case TITLE -> order.add(field("title.sort", SortOrder.Asc));
            case ADDED_DESC -> order.add(field("createdAt", SortOrder.Desc));
        }
        if (scoreAlone) {
            return order;
        }
        // a total order, so search_after never skips or repeats a tie
        order.add(sort == Sort.RELEVANCE ? SortOptions.of(s -> s.doc(d -> d.order(SortOrder.Asc))) : field("id", SortOrder.Asc));
        return order;
    }

    private static SortOptions field(String name, SortOrder order) {
        return SortOptions.of(s -> s.field(f -> f.field(name).order(order).missing(FieldValue.of("_last"))));
    }
}
