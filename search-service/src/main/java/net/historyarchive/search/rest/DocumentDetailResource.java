package net.historyarchive.search.rest;

import jakarta.ws.rs.GET;
import net.historyarchive.search.common.http.ConditionalGet;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import net.historyarchive.search.common.problem.Problem;
import net.historyarchive.search.common.problem.ProblemException;
import net.historyarchive.search.common.problem.ProblemType;
import net.historyarchive.search.service.DocumentService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.util.UUID;

@Path("/api/v1/documents")
@Tag(name = "Documents")
public class DocumentDetailResource {

    private final DocumentService documents;

    public DocumentDetailResource(DocumentService documents) {
        this.documents = documents;
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getViewDocument", summary = "A document as the search view holds it", description = "The latest snapshot applied from the catalog's events.")
    @APIResponse(responseCode = "200", description = "The document snapshot (the catalog's event data: contracts/schemas/document-snapshot.v1.schema.json)",
            headers = {@org.eclipse.microprofile.openapi.annotations.headers.Header(name = "ETag", description = "Weak tag of this answer; send it as If-None-Match to get 304 when nothing changed"),
                    @org.eclipse.microprofile.openapi.annotations.headers.Header(name = "Cache-Control", description = "public, no-cache: caches may keep the answer and revalidate it")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "Not in the view (unknown, deleted, or not applied yet)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    @ConditionalGet
    public Response get(@PathParam("id") String id) throws IOException {
        ProblemException notFound = new ProblemException(ProblemType.NOT_FOUND, "document " + id + " is not in the search view");
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound;
        }
        return documents.snapshot(uuid).map(json -> Response.ok(json, MediaType.APPLICATION_JSON).build()).orElseThrow(() -> notFound);
    }
}
