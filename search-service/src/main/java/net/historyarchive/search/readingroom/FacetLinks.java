package net.historyarchive.search.readingroom;

import net.historyarchive.search.result.SearchResult.FacetCount;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The facet sidebar (each value a link that adds it as a filter, or removes it when chosen) and
 * the chips that show every chosen filter with a link that removes it.
 */
final class FacetLinks {

    /** A facet of the search result (named as its filter parameter, except decade), its heading and how its values read. */
    private record Facet(String name, String label, Function<String, String> valueLabel) {
    }

    private static final List<Facet> FACETS = List.of(
            new Facet("type", "Type", Labels::documentType),
            new Facet("person", "People", Function.identity()),
            new Facet("place", "Places", Function.identity()),
            new Facet("subject", "Subjects", Function.identity()),
            new Facet("collection", "Collections", Function.identity()),
            new Facet("language", "Languages", Labels::language),
            new Facet("decade", "Decades", Function.identity()),
            new Facet("hasTranslation", "Translation", Labels::hasTranslation));

    private FacetLinks() {
    }

    static List<SearchPage.FacetGroup> groups(SearchState state, Map<String, List<FacetCount>> counts) {
        List<SearchPage.FacetGroup> groups = new ArrayList<>();
        for (Facet facet : FACETS) {
            List<FacetCount> values = counts == null ? List.of() : counts.getOrDefault(facet.name(), List.of());
            List<SearchPage.FacetOption> options = values.stream().filter(v -> v.value() != null)
                    .map(v -> facet.name().equals("decade") ? decade(state, v) : option(state, facet, v)).toList();
            if (!options.isEmpty()) {
                groups.add(new SearchPage.FacetGroup(facet.name(), facet.label(), options));
            }
        }
        return groups;
    }

    private static SearchPage.FacetOption option(SearchState state, Facet facet, FacetCount count) {
        boolean selected = state.has(facet.name(), count.value());
        SearchState target = selected ? state.without(facet.name(), count.value()) : state.with(facet.name(), count.value());
        return new SearchPage.FacetOption(facet.valueLabel().apply(count.value()), count.count(), target.href(), selected);
    }

    /** A decade ("1950s") is the date range 1950 to 1959. */
    private static SearchPage.FacetOption decade(SearchState state, FacetCount count) {
        String start = count.value().replaceAll("\\D", "");
        String end = start.isEmpty() ? "" : Integer.toString(Integer.parseInt(start) + 9);
        boolean selected = state.has("dateFrom", start) && state.has("dateTo", end);
        SearchState target = selected ? state.without("dateFrom").without("dateTo")
                : state.with("dateFrom", start).with("dateTo", end);
        return new SearchPage.FacetOption(count.value(), count.count(), target.href(), selected);
    }

    static List<SearchPage.Chip> chips(SearchState state) {
        List<SearchPage.Chip> chips = new ArrayList<>();
        for (Facet facet : FACETS) {
            for (String value : state.all(facet.name())) {
                chips.add(new SearchPage.Chip(ParameterNames.label(facet.name()) + ": " + facet.valueLabel().apply(value),
                        state.without(facet.name(), value).href()));
            }
        }
        if (state.first("dateFrom").isPresent() || state.first("dateTo").isPresent()) {
            String range = state.first("dateFrom").orElse("…") + " – " + state.first("dateTo").orElse("…");
            chips.add(new SearchPage.Chip("Dates: " + range, state.without("dateFrom").without("dateTo").href()));
        }
        state.first("undated").ifPresent(undated -> chips.add(new SearchPage.Chip(
                ParameterNames.label("undated") + ": " + undated, state.without("undated").href())));
        return chips;
    }
}
