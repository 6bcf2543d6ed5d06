package net.historyarchive.search.service;

import jakarta.enterprise.context.ApplicationScoped;
import net.historyarchive.search.engine.DocumentSearch;
import net.historyarchive.search.engine.EngineSettings;
import net.historyarchive.search.query.SearchRequest;
import net.historyarchive.search.result.SearchResult;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Searches the view and phrases "did you mean" in the reader's own words. */
@ApplicationScoped
public class SearchService {

    private final DocumentSearch engine;
    private final EngineSettings settings;

    public SearchService(DocumentSearch engine, EngineSettings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    public SearchResult search(SearchRequest request, String rawQuery) throws IOException {
        DocumentSearch.Found found = engine.search(request);
        SearchResult r = found.result();
        return new SearchResult(r.total(), r.from(), r.to(), r.hits(), r.facets(), r.facetsComplete(), r.nextCursor(),
                correction(rawQuery, found.corrections()), found.relaxed() ? Boolean.TRUE : null);
    }

    /** The deepest hit (page × size) reachable by page number. */
    public int maxPageWindow() {
        return settings.maxPageWindow();
    }

    /** The typed query with each misspelled word replaced by the indexed word it most likely meant, or null. */
    private static String correction(String rawQuery, Map<String, String> corrections) {
        if (corrections.isEmpty()) {
            return null;
        }
        String corrected = rawQuery;
        for (Map.Entry<String, String> entry : corrections.entrySet()) {
            corrected = corrected.replaceAll("(?<![\\p{L}\\p{N}])" + Pattern.quote(entry.getKey()) + "(?![\\p{L}\\p{N}])",
                    Matcher.quoteReplacement(entry.getValue()));
        }
        return corrected.equals(rawQuery) ? null : corrected;
    }
}
