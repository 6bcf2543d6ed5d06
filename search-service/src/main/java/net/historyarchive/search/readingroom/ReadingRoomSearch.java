package net.historyarchive.search.readingroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import net.historyarchive.search.search.api.SearchResult;
import net.historyarchive.search.search.service.SearchConfig;
import net.historyarchive.search.search.service.SearchRequestParser;
import net.historyarchive.search.search.service.SearchService;
import net.historyarchive.search.view.DocumentViewStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The reading room's only way into search-service: the same request parser, search service and
 * document view the REST API uses, so pages and API always agree. When the engine behind them
 * changes, this class is the one place to re-point.
 */
@ApplicationScoped
public class ReadingRoomSearch {

    private final SearchService search;
    private final SearchConfig config;
    private final DocumentViewStore view;
    private final ObjectMapper json;

    public ReadingRoomSearch(SearchService search, SearchConfig config, DocumentViewStore view, ObjectMapper json) {
        this.search = search;
        this.config = config;
        this.view = view;
        this.json = json;
    }

    /**
     * Runs the search the parameters describe, exactly as GET /api/v1/search would.
     *
     * @throws net.historyarchive.search.common.problem.ProblemException for invalid parameters or query syntax
     */
    public SearchResult search(Map<String, List<String>> parameters) throws SQLException, IOException {
        var request = SearchRequestParser.parse(parameters, config.maxPageWindow());
        List<String> q = parameters.get("q");
        return search.search(request, q == null || q.isEmpty() ? "" : q.get(0));
    }

    /** The deepest result (page times size) reachable with page numbers. */
    public int maxPageWindow() {
        return config.maxPageWindow();
    }

    /** The document's snapshot as the view holds it, as GET /api/v1/documents/{id} returns it. */
    public Optional<JsonNode> document(UUID id) throws SQLException {
        return view.snapshot(id).map(this::parse);
    }

    private JsonNode parse(String snapshot) {
        try {
            return json.readTree(snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
