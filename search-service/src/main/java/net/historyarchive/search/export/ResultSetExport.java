package net.historyarchive.search.export;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import net.historyarchive.search.engine.DocumentSearch;
import net.historyarchive.search.engine.ViewReader;
import net.historyarchive.search.query.SearchRequest;
import net.historyarchive.search.result.Hit;
import net.historyarchive.search.result.SearchResult;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Streams every match of a search, in the search's order, page by page: search_after inside a
 * point in time (the search API's cursor), so there is no 10,000-hit limit and memory holds one
 * page at a time; each page's records are read from the view in one request and written out
 * before the next page is asked for.
 */
@ApplicationScoped
public class ResultSetExport {

    static final int PAGE = 100;

    private final DocumentSearch search;
    private final ViewReader view;

    public ResultSetExport(DocumentSearch search, ViewReader view) {
        this.search = search;
        this.view = view;
    }

    /**
     * @param request           the validated search (its page, size and facets are ignored)
     * @param documentUrlPrefix the public URL of a document's page without its id
     */
    public void write(SearchRequest request, ExportFormat format, String documentUrlPrefix, OutputStream stream) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        ExportWriter writer = format.writer(out);
        writer.begin();
        Optional<String> cursor = Optional.empty();
        do {
            SearchRequest page = new SearchRequest(request.query(), request.filters(), request.sort(), PAGE, 1, cursor, Set.of(),
                    request.facetSize(), false);
            SearchResult result = search.search(page).result();
            List<UUID> ids = result.hits().stream().map(Hit::id).toList();
            for (JsonNode snapshot : view.snapshots(ids)) {
                writer.write(ExportedDocument.of(snapshot, documentUrlPrefix));
            }
            out.flush();
            cursor = Optional.ofNullable(result.nextCursor());
        } while (cursor.isPresent());
        writer.end();
        out.flush();
    }
}
