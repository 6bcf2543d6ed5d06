package net.historyarchive.search.readingroom;

import java.util.ArrayList;
import java.util.List;

/** The orders a reader can choose, as links; relevance only when there are words to rank by. */
final class SortLinks {

    private SortLinks() {
    }

    static List<SearchPage.Link> of(SearchState state) {
        String current = state.first("sort").orElse(state.query().isEmpty() ? "date-asc" : "relevance");
        List<SearchPage.Link> links = new ArrayList<>();
        if (!state.query().isEmpty()) {
            links.add(link(state, "relevance", "Relevance", current));
        }
        links.add(link(state, "date-asc", "Oldest first", current));
        links.add(link(state, "date-desc", "Newest first", current));
        links.add(link(state, "title", "Title", current));
        return links;
    }

    private static SearchPage.Link link(SearchState state, String sort, String label, String current) {
        return new SearchPage.Link(label, state.with("sort", sort).href(), sort.equals(current));
    }
}
