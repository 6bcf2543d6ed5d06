package net.historyarchive.search.readingroom;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The reading room's page of one document: the whole record, its citation, permalink and JSON-LD. */
@Path("/documents")
@ReadingRoomPage
public class DocumentPageResource {

    /** Related documents looked up for their titles; a record listing more shows the rest by id. */
    static final int RELATED_TITLES = 50;
    /** Related documents found by the view (links both ways, same people, similar text) shown on the page. */
    static final int RELATED_SHOWN = 10;

    private final ReadingRoomSearch search;

    public DocumentPageResource(ReadingRoomSearch search) {
        this.search = search;
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true) // a web page, not part of the API
    public Response page(@PathParam("id") String id, @Context UriInfo uri) throws IOException {
        Optional<UUID> uuid = parse(id);
        Optional<JsonNode> document = uuid.isPresent() ? search.document(uuid.get()) : Optional.empty();
        if (document.isEmpty()) {
            return SearchPageResource.html(404, ReadingRoomTemplates.notFound(
                    "There is no document " + id + " in the archive (or it has been withdrawn)."));
        }
        Map<String, String> relatedTitles = new LinkedHashMap<>();
        for (JsonNode related : document.get().path("related")) {
            Optional<UUID> relatedId = parse(related.asText());
            if (relatedId.isPresent() && relatedTitles.size() < RELATED_TITLES) {
                search.document(relatedId.get()).ifPresent(r -> relatedTitles.put(related.asText(), DocumentPage.text(r, "title")));
            }
        }
        String permalink = uri.getBaseUriBuilder().path("documents").path(document.get().path("id").asText()).build().toString();
        return SearchPageResource.html(200, ReadingRoomTemplates.document(DocumentPage.of(document.get(), relatedTitles,
                search.related(uuid.get(), RELATED_SHOWN), permalink)));
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
