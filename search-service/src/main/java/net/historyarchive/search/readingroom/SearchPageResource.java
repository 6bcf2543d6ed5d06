package net.historyarchive.search.readingroom;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import net.historyarchive.search.common.problem.ProblemException;
import net.historyarchive.search.result.SearchResult;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reading room's search page: the search box, the results, facets and pages, all as links. */
@Path("/")
@ReadingRoomPage
public class SearchPageResource {

    /** Hits per page, as on the seed page. */
    static final int PAGE_SIZE = 10;

    private final ReadingRoomSearch search;

    public SearchPageResource(ReadingRoomSearch search) {
        this.search = search;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true) // a web page, not part of the API
    public Response page(@Context UriInfo uri) throws IOException {
        SearchState state = SearchState.of(uri.getQueryParameters());
        Map<String, List<String>> parameters = new LinkedHashMap<>(state.parameters());
        parameters.put("size", List.of(Integer.toString(PAGE_SIZE)));
        try {
            SearchResult result = search.search(parameters);
            return html(200, ReadingRoomTemplates.search(SearchPage.of(state, result, PAGE_SIZE, search.maxPageWindow())));
        } catch (ProblemException refused) {
            return html(refused.problem().status(), ReadingRoomTemplates.search(SearchPage.refused(state, refused.problem())));
        }
    }

    static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render()).build();
    }
}
