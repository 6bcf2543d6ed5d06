package net.historyarchive.search.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import net.historyarchive.search.common.problem.Problem;
import net.historyarchive.search.common.problem.ProblemException;
import net.historyarchive.search.common.problem.ProblemType;
import net.historyarchive.search.service.DocumentService;
import net.historyarchive.search.result.RelatedDocument;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

/** The documents related to one, each with the reasons it is related. */
@Path("/api/v1/documents/{id}/related")
@Tag(name = "Documents")
public class RelatedDocumentsResource {

    /** The answer: the document's id and its related documents, strongest first. */
    public record Related(String id, List<RelatedDocument> related) {
    }

    static final int DEFAULT_SIZE = 10;
    static final int MAX_SIZE = 50;

    private final DocumentService documents;

    public RelatedDocumentsResource(DocumentService documents) {
        this.documents = documents;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getRelatedDocuments", summary = "Documents related to this one",
            description = "Its explicit links in both directions first, then documents naming the same people or places "
                    + "(closer in date first) and documents with similar text (more like this), each with its reasons.")
    @APIResponse(responseCode = "200", description = "The related documents", content = @Content(schema = @Schema(implementation = Related.class)))
    @APIResponse(responseCode = "400", description = "size is not a number from 1 to 50",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not in the view", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Related get(@PathParam("id") String id,
                       @Parameter(description = "How many, 1 to 50 (default 10).") @QueryParam("size") String size) throws IOException {
        int count = size(size);
        ProblemException notFound = new ProblemException(ProblemType.NOT_FOUND, "document " + id + " is not in the search view");
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound;
        }
        return new Related(uuid.toString(), documents.related(uuid, count).orElseThrow(() -> notFound));
    }

    private static int size(String size) {
        if (size == null) {
            return DEFAULT_SIZE;
        }
        try {
            int n = Integer.parseInt(size);
            if (n >= 1 && n <= MAX_SIZE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED, "size must be a number from 1 to " + MAX_SIZE,
                List.of(new Problem.FieldError("size", "must be a number from 1 to " + MAX_SIZE))));
    }
}
