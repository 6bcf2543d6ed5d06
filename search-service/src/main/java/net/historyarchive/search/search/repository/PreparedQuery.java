package net.historyarchive.search.search.repository;

import java.util.Map;
import java.util.Optional;

/**
 * A free-text query turned into tsquery text by PostgreSQL once per search, so the statements
 * that follow carry it as a constant the planner can estimate (the GIN statistics know how common
 * each word is) instead of an expression it cannot see into.
 *
 * @param exact       what the user typed, stemmed and unaccented
 * @param fuzzy       the same with each plain word widened to look-alike indexed words; matching uses this
 * @param phrase      the plain words as one phrase, when the query is only plain words
 * @param corrections for each plain word not in the index, the closest indexed word
 */
public record PreparedQuery(String exact, String fuzzy, Optional<String> phrase, Map<String, String> corrections) {

    public boolean matchesNothing() {
        return fuzzy.isBlank();
    }
}
