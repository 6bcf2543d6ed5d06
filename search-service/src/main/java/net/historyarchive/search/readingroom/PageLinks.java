package net.historyarchive.search.readingroom;

import net.historyarchive.search.result.SearchResult;

import java.util.ArrayList;
import java.util.List;

/** Numbered pages around the current one, as on the seed page, with previous and next. */
final class PageLinks {

    /** How many page numbers the bar shows at most. */
    static final int SHOWN = 10;

    private PageLinks() {
    }

    static SearchPage.Pagination of(SearchState state, SearchResult result, int pageSize, int maxPageWindow) {
        long current = state.first("page").map(Long::parseLong).orElse(1L);
        long reachable = maxPageWindow / pageSize;
        long known = Math.min(reachable, (result.total().value() + pageSize - 1) / pageSize);
        // A lower-bound total: there are more pages than it says while the service offers a next one.
        boolean more = "gte".equals(result.total().relation()) && result.nextCursor() != null && current < reachable;
        long last = Math.max(known, more ? current + 1 : current);
        long first = Math.max(1, Math.min(current - SHOWN / 2 + 1, last - SHOWN + 1));
        List<SearchPage.Link> pages = new ArrayList<>();
        for (long number = first; number <= Math.min(last, first + SHOWN - 1); number++) {
            pages.add(new SearchPage.Link(Long.toString(number), state.page(number).href(), number == current));
        }
        SearchPage.Link previous = current > 1 ? new SearchPage.Link("Previous", state.page(current - 1).href(), false) : null;
        SearchPage.Link next = current < last ? new SearchPage.Link("Next", state.page(current + 1).href(), false) : null;
        return new SearchPage.Pagination(previous, next, pages.size() > 1 ? pages : List.of());
    }
}
