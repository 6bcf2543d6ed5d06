package net.historyarchive.catalog.document.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import net.historyarchive.catalog.common.http.ApiMediaTypes;
import net.historyarchive.catalog.common.http.Preconditions;
import net.historyarchive.catalog.common.http.QueryParams;
import net.historyarchive.catalog.common.problem.Problem;
import net.historyarchive.catalog.document.api.DocumentInput;
import net.historyarchive.catalog.document.api.DocumentPage;
import net.historyarchive.catalog.document.api.DocumentView;
import net.historyarchive.catalog.document.service.DocumentService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
public class DocumentResource {

    private static final String ETAG_DESCRIPTION = "The document's version, to send back as If-Match when changing it.";
    private static final String IF_MATCH_DESCRIPTION = "The ETag of the version this change is based on, e.g. \"3\". Required.";

    private final DocumentService documents;

    public DocumentResource(DocumentService documents) {
        this.documents = documents;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listDocuments", summary = "List documents", description = "Documents in creation order, one page at a time. "
            + "Follow nextCursor (or the Link rel=next header) for the next page.")
    @APIResponse(responseCode = "200", description = "A page of documents",
            headers = @Header(name = "Link", description = "rel=next: the URL of the next page, when there is one"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @Parameter(description = "Only documents in this collection (its id).") @QueryParam("collection") String collection,
            @Parameter(description = "Only documents changed at or after this instant (RFC 3339).", example = "2026-01-01T00:00:00Z")
            @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "The nextCursor of the previous page.") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 500.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50"))
            @QueryParam("limit") @DefaultValue("50") String limit,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        DocumentPage page = documents.list(QueryParams.uuid("collection", collection),
                QueryParams.instant("updatedSince", updatedSince), cursor, QueryParams.intInRange("limit", limit, 1, 500));
        Response.ResponseBuilder response = Response.ok(page);
        if (page.nextCursor() != null) {
            response.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor()).build(), "next");
        }
        return response.build();
    }

    @POST
    @RolesAllowed("archivist")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "archivistJwt")
    @Operation(operationId = "createDocument", summary = "Create a document", description = "The service assigns the id and version 1.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DocumentInput.class),
            examples = @ExampleObject(name = "record of conversation", value = DocumentExamples.CREATE)))
    @APIResponse(responseCode = "201", description = "Created",
            headers = {@Header(name = "ETag", description = ETAG_DESCRIPTION), @Header(name = "Location", description = "The new document's URL")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid date", value = DocumentExamples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Token lacks role archivist", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body larger than the limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(DocumentInput input, @jakarta.ws.rs.core.Context UriInfo uri) {
        DocumentView created = documents.create(input);
        return Response.created(URI.create(uri.getBaseUri().getPath().replaceAll("/$", "") + "/api/v1/documents/" + created.id()))
                .tag(new EntityTag(String.valueOf(created.version())))
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getDocument", summary = "Read a document", description = "Answers 304 when If-None-Match names the current version.")
    @APIResponse(responseCode = "200", description = "The document", headers = @Header(name = "ETag", description = ETAG_DESCRIPTION),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the version named in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such document", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") String id, @jakarta.ws.rs.core.Context Request request) {
        DocumentView document = documents.get(QueryParams.pathId(id));
        EntityTag etag = new EntityTag(String.valueOf(document.version()));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        return (notModified != null ? notModified : Response.ok(document)).tag(etag).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("archivist")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "archivistJwt")
    @Operation(operationId = "replaceDocument", summary = "Replace a document", description = "Replaces every field; fields left out become empty.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DocumentInput.class),
            examples = @ExampleObject(name = "record of conversation", value = DocumentExamples.CREATE)))
    @APIResponse(responseCode = "200", description = "Replaced", headers = @Header(name = "ETag", description = ETAG_DESCRIPTION),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such document", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale: someone changed the document since you read it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@PathParam("id") String id,
                            @Parameter(description = IF_MATCH_DESCRIPTION, required = true) @HeaderParam("If-Match") String ifMatch,
                            DocumentInput input) {
        DocumentView replaced = documents.replace(QueryParams.pathId(id), Preconditions.expectedVersion(ifMatch), input);
        return Response.ok(replaced).tag(new EntityTag(String.valueOf(replaced.version()))).build();
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed("archivist")
    @Consumes({ApiMediaTypes.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
    @SecurityRequirement(name = "archivistJwt")
    @Operation(operationId = "patchDocument", summary = "Change some fields of a document",
            description = "A JSON merge patch (RFC 7396): fields present replace, null removes, objects merge. "
                    + "The patched document is validated as a whole.")
    @RequestBody(required = true, content = @Content(mediaType = ApiMediaTypes.MERGE_PATCH_JSON,
            schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "correct the summary and add a place",
                    value = "{\"summary\": \"Corrected summary.\", \"places\": [\"Pyongyang\", \"Beijing\"]}")))
    @APIResponse(responseCode = "200", description = "Changed", headers = @Header(name = "ETag", description = ETAG_DESCRIPTION),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "400", description = "Malformed patch or invalid result", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such document", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@PathParam("id") String id,
                          @Parameter(description = IF_MATCH_DESCRIPTION, required = true) @HeaderParam("If-Match") String ifMatch,
                          JsonNode mergePatch) {
        DocumentView patched = documents.patch(QueryParams.pathId(id), Preconditions.expectedVersion(ifMatch), mergePatch);
        return Response.ok(patched).tag(new EntityTag(String.valueOf(patched.version()))).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("archivist")
    @SecurityRequirement(name = "archivistJwt")
    @Operation(operationId = "deleteDocument", summary = "Delete a document", description = "Deletes the record and publishes a deletion event; needs If-Match with the current ETag.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such document", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") String id,
                           @Parameter(description = IF_MATCH_DESCRIPTION, required = true) @HeaderParam("If-Match") String ifMatch) {
        documents.delete(QueryParams.pathId(id), Preconditions.expectedVersion(ifMatch));
        return Response.noContent().build();
    }
}
