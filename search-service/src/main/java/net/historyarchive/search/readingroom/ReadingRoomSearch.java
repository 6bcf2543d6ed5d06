package net.historyarchive.search.readingroom;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import net.historyarchive.search.common.problem.ProblemException;
import net.historyarchive.search.query.CursorRejected;
import net.historyarchive.search.query.SearchRequestParser;
import net.historyarchive.search.result.SearchResult;
import net.historyarchive.search.service.DocumentService;
import net.historyarchive.search.service.SearchService;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The reading room's only way into search-service: the same request parser, search service and
 * document service the REST API uses, so pages and API always agree.
 */
@ApplicationScoped
public class ReadingRoomSearch {

    private final SearchService search;
    private final DocumentService documents;

    public ReadingRoomSearch(SearchService search, DocumentService documents) {
        this.search = search;
        this.documents = documents;
    }

    /**
     * Runs the search the parameters describe, exactly as GET /api/v1/search would.
     *
     * @throws ProblemException for invalid parameters, cursors or query syntax
     */
    public SearchResult search(Map<String, List<String>> parameters) throws IOException {
        var request = SearchRequestParser.parse(parameters, search.maxPageWindow());
        List<String> q = parameters.get("q");
        try {
            return search.search(request, q == null || q.isEmpty() ? "" : q.get(0));
        } catch (CursorRejected e) {
            throw ProblemException.invalidParameter("cursor", e.getMessage());
        }
    }

    /** The deepest result (page times size) reachable with page numbers. */
    public int maxPageWindow() {
        return search.maxPageWindow();
    }

    /** The documents related to one, as GET /api/v1/documents/{id}/related returns them. */
    public List<net.historyarchive.search.result.RelatedDocument> related(UUID id, int size) throws IOException {
        return documents.related(id, size).orElse(List.of());
    }

    /** The document's snapshot as the view holds it, as GET /api/v1/documents/{id} returns it. */
    public Optional<JsonNode> document(UUID id) throws IOException {
        return documents.snapshot(id);
    }
}
