package net.historyarchive.search.readingroom;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a search page shows, as the query parameters of its URL: every state of the page is a
 * link, so it can be bookmarked, shared and reached with the back button. Immutable; each change
 * returns a new state and starts again at page one.
 */
public final class SearchState {

    /** The parameters a reading room URL carries, in the order its links write them. */
    static final List<String> PARAMETERS = List.of("q", "type", "person", "place", "subject", "collection", "language",
            "hasTranslation", "dateFrom", "dateTo", "undated", "sort", "page");
    private static final Set<String> SINGLE = Set.of("q", "hasTranslation", "dateFrom", "dateTo", "undated", "sort", "page");

    private final Map<String, List<String>> values;

    private SearchState(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * The state a request's query parameters describe. Parameters the reading room does not use
     * (a tracking tag added by whoever shared the link) are left out rather than refused, and so
     * are empty form fields; repeated single values are kept, for the search to report.
     */
    public static SearchState of(Map<String, List<String>> parameters) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String name : PARAMETERS) {
            List<String> given = parameters.getOrDefault(name, List.of()).stream()
                    .map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
            if (!given.isEmpty()) {
                values.put(name, given);
            }
        }
        return new SearchState(values);
    }

    /** The parameters for the search service. */
    public Map<String, List<String>> parameters() {
        return values;
    }

    public Optional<String> first(String name) {
        List<String> given = values.get(name);
        return given == null ? Optional.empty() : Optional.of(given.get(0));
    }

    public String query() {
        return first("q").orElse("");
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    public boolean has(String name, String value) {
        return all(name).contains(value);
    }

    public boolean hasFilters() {
        return values.keySet().stream().anyMatch(name -> !name.equals("q") && !name.equals("sort") && !name.equals("page"));
    }

    /** Adds a value (or, for single parameters, replaces it). */
    public SearchState with(String name, String value) {
        Map<String, List<String>> copy = copyWithoutPage();
        List<String> list = SINGLE.contains(name) ? new ArrayList<>() : new ArrayList<>(copy.getOrDefault(name, List.of()));
        if (!list.contains(value)) {
            list.add(value);
        }
        copy.put(name, List.copyOf(list));
        return new SearchState(copy);
    }

    public SearchState without(String name, String value) {
        Map<String, List<String>> copy = copyWithoutPage();
        List<String> list = new ArrayList<>(copy.getOrDefault(name, List.of()));
        list.remove(value);
        if (list.isEmpty()) {
            copy.remove(name);
        } else {
            copy.put(name, List.copyOf(list));
        }
        return new SearchState(copy);
    }

    public SearchState without(String name) {
        Map<String, List<String>> copy = copyWithoutPage();
        copy.remove(name);
        return new SearchState(copy);
    }

    /** The same search on another page (page one has no parameter, so its URL is the search's own). */
    public SearchState page(long number) {
        Map<String, List<String>> copy = copyWithoutPage();
        if (number > 1) {
            copy.put("page", List.of(Long.toString(number)));
        }
        return new SearchState(copy);
    }

    /** This state as a link to the search page, relative to the site's root. */
    public String href() {
        StringBuilder href = new StringBuilder("/");
        char separator = '?';
        for (String name : PARAMETERS) {
            for (String value : all(name)) {
                href.append(separator).append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return href.toString();
    }

    /** Every parameter but the given ones, as name/value pairs for a form's hidden fields. */
    public List<Field> fieldsExcept(Set<String> names) {
        List<Field> fields = new ArrayList<>();
        values.forEach((name, list) -> {
            if (!names.contains(name) && !name.equals("page")) {
                list.forEach(value -> fields.add(new Field(name, value)));
            }
        });
        return fields;
    }

    public record Field(String name, String value) {
    }

    private Map<String, List<String>> copyWithoutPage() {
        Map<String, List<String>> copy = new LinkedHashMap<>(values);
        copy.remove("page");
        return copy;
    }
}
