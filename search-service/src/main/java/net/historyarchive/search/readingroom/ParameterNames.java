package net.historyarchive.search.readingroom;

import java.util.Map;

/** The names a reader sees for the search parameters, in error messages and filter chips. */
final class ParameterNames {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("q", "Search"), Map.entry("type", "Type"), Map.entry("person", "Person"), Map.entry("place", "Place"),
            Map.entry("subject", "Subject"), Map.entry("collection", "Collection"), Map.entry("language", "Language"),
            Map.entry("hasTranslation", "Translation"), Map.entry("dateFrom", "From"), Map.entry("dateTo", "To"),
            Map.entry("undated", "Undated documents"), Map.entry("sort", "Sort"), Map.entry("page", "Page"));

    private ParameterNames() {
    }

    static String label(String parameter) {
        return LABELS.getOrDefault(parameter, parameter);
    }
}
