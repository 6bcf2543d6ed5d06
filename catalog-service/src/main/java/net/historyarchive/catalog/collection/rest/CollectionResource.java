package net.historyarchive.catalog.collection.rest;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import net.historyarchive.catalog.collection.api.CollectionInput;
import net.historyarchive.catalog.collection.api.CollectionPage;
import net.historyarchive.catalog.collection.api.CollectionView;
import net.historyarchive.catalog.collection.service.CollectionService;
import net.historyarchive.catalog.common.http.ApiMediaTypes;
import net.historyarchive.catalog.common.http.Preconditions;
import net.historyarchive.catalog.common.http.QueryParams;
import net.historyarchive.catalog.common.problem.Problem;
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

@Path("/api/v1/collections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Collections")
public class CollectionResource {

    private static final String IF_MATCH_DESCRIPTION = "The ETag of the version this change is based on, e.g. \"2\". Required.";
    private static final String EXAMPLE = "{\"name\": \"North Korea in the Cold War\", \"description\": \"Soviet, Chinese and East European records on the DPRK.\"}";

    private final CollectionService collections;

    public CollectionResource(CollectionService collections) {
        this.collections = collections;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listCollections", summary = "List collections", description = "Collections in creation order, one page at a time; follow nextCursor for the next page.")
    @APIResponse(responseCode = "200", description = "A page of collections",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CollectionPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid cursor or limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CollectionPage list(@Parameter(description = "The nextCursor of the previous page.") @QueryParam("cursor") String cursor,
                               @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50"))
                               @QueryParam("limit") @DefaultValue("50") String limit) {
        return collections.list(cursor, QueryParams.intInRange("limit", limit, 1, 500));
    }

    @POST
    @RolesAllowed("archivist")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "archivistJwt")
    @Operation(operationId = "createCollection", summary = "Create a collection", description = "The service assigns the id and version 1; the answer carries the ETag and Location.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CollectionInput.class), examples = @ExampleObject(name = "collection", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CollectionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The name is taken", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(CollectionInput input, @Context UriInfo uri) {
        CollectionView created = collections.create(input);
        return Response.created(URI.create("/api/v1/collections/" + created.id()))
                .tag(new EntityTag(String.valueOf(created.version()))).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getCollection", summary = "Read a collection", description = "The collection with its version as a strong ETag.")
    @APIResponse(responseCode = "200", description = "The collection", headers = @Header(name = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CollectionView.class)))
    @APIResponse(responseCode = "404", description = "No such collection", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") String id) {
        CollectionView collection = collections.get(QueryParams.pathId(id));
        return Response.ok(collection).tag(new EntityTag(String.valueOf(collection.version()))).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("archivist")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "archivistJwt")
    @Operation(operationId = "replaceCollection", summary = "Replace a collection", description = "Replaces every field; needs If-Match with the current ETag.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CollectionInput.class), examples = @ExampleObject(name = "collection", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Replaced", headers = @Header(name = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CollectionView.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@PathParam("id") String id,
                            @Parameter(description = IF_MATCH_DESCRIPTION, required = true) @HeaderParam("If-Match") String ifMatch,
                            CollectionInput input) {
        CollectionView replaced = collections.replace(QueryParams.pathId(id), Preconditions.expectedVersion(ifMatch), input);
        return Response.ok(replaced).tag(new EntityTag(String.valueOf(replaced.version()))).build();
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed("archivist")
    @Consumes({ApiMediaTypes.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
    @SecurityRequirement(name = "archivistJwt")
    @Operation(operationId = "patchCollection", summary = "Change some fields of a collection", description = "A JSON merge patch (RFC 7396).")
    @RequestBody(required = true, content = @Content(mediaType = ApiMediaTypes.MERGE_PATCH_JSON, schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "new description", value = "{\"description\": \"Updated description.\"}")))
    @APIResponse(responseCode = "200", description = "Changed", headers = @Header(name = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CollectionView.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@PathParam("id") String id,
                          @Parameter(description = IF_MATCH_DESCRIPTION, required = true) @HeaderParam("If-Match") String ifMatch,
                          JsonNode mergePatch) {
        CollectionView patched = collections.patch(QueryParams.pathId(id), Preconditions.expectedVersion(ifMatch), mergePatch);
        return Response.ok(patched).tag(new EntityTag(String.valueOf(patched.version()))).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("archivist")
    @SecurityRequirement(name = "archivistJwt")
    @Operation(operationId = "deleteCollection", summary = "Delete an empty collection", description = "Only a collection no document belongs to can be deleted (else 409); needs If-Match.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "The collection still has documents", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") String id,
                           @Parameter(description = IF_MATCH_DESCRIPTION, required = true) @HeaderParam("If-Match") String ifMatch) {
        collections.delete(QueryParams.pathId(id), Preconditions.expectedVersion(ifMatch));
        return Response.noContent().build();
    }
}
