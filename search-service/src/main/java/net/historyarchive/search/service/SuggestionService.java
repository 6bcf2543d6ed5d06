package net.historyarchive.search.service;

import jakarta.enterprise.context.ApplicationScoped;
import net.historyarchive.search.engine.SuggestionSearch;
import net.historyarchive.search.result.Suggestion;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/** Completions for what a reader is typing. */
@ApplicationScoped
public class SuggestionService {

    private final SuggestionSearch engine;

    public SuggestionService(SuggestionSearch engine) {
        this.engine = engine;
    }

    public List<Suggestion> suggest(String typed, Set<String> kinds, int size) throws IOException {
        return engine.suggest(typed, kinds, size);
    }
}
