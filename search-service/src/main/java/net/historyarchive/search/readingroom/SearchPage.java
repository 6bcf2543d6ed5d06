package net.historyarchive.search.readingroom;

import net.historyarchive.search.common.problem.Problem;
import net.historyarchive.search.result.SearchResult;

import java.util.List;
import java.util.Set;

/**
 * Everything the search page template shows, worked out from the search state and the service's
 * result, so the template only lays it out.
 */
public record SearchPage(
        SearchState state,
        String query,
        String resultLine,
        List<HitView> hits,
        List<FacetGroup> facets,
        List<Chip> chips,
        List<Link> sorts,
        Pagination pagination,
        Link didYouMean,
        DateRange dates,
        List<String> errors) {

    public record Link(String label, String href, boolean current) {
    }

    public record Chip(String label, String removeHref) {
    }

    public record FacetGroup(String name, String label, List<FacetOption> options) {
    }

    public record FacetOption(String label, long count, String href, boolean selected) {
    }

    public record Pagination(Link previous, Link next, List<Link> pages) {

        public boolean shown() {
            return previous != null || next != null;
        }
    }

    /** The date range form: its values, and the hidden fields that carry the rest of the search. */
    public record DateRange(String from, String to, String undated, List<SearchState.Field> otherFields) {
    }

    /** The hidden fields of the search box's form: the filters stay when the words change. */
    public List<SearchState.Field> searchFields() {
        return state.fieldsExcept(Set.of("q", "sort"));
    }

    public boolean hasResults() {
        return !hits.isEmpty();
    }

    /** The page for a search the service answered. */
    static SearchPage of(SearchState state, SearchResult result, int pageSize, int maxPageWindow) {
        return new SearchPage(state, state.query(), ResultLine.of(result), result.hits().stream().map(HitView::of).toList(),
                FacetLinks.groups(state, result.facets()), FacetLinks.chips(state), SortLinks.of(state),
                PageLinks.of(state, result, pageSize, maxPageWindow), didYouMean(state, result.didYouMean()),
                dateRange(state), List.of());
    }

    /** The page for a search the service refused (bad date, query syntax): the form again, with what to fix. */
    static SearchPage refused(SearchState state, Problem problem) {
        List<String> errors = problem.errors() == null || problem.errors().isEmpty() ? List.of(problem.detail())
                : problem.errors().stream().map(e -> ParameterNames.label(e.field()) + ": " + e.message()).toList();
        return new SearchPage(state, state.query(), "No results", List.of(), List.of(), FacetLinks.chips(state), List.of(),
                new Pagination(null, null, List.of()), null, dateRange(state), errors);
    }

    private static Link didYouMean(SearchState state, String corrected) {
        return corrected == null ? null : new Link(corrected, state.with("q", corrected).without("sort").href(), false);
    }

    private static DateRange dateRange(SearchState state) {
        return new DateRange(state.first("dateFrom").orElse(""), state.first("dateTo").orElse(""),
                state.first("undated").orElse(""), state.fieldsExcept(Set.of("dateFrom", "dateTo", "undated")));
    }
}
