package net.historyarchive.search.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import net.historyarchive.search.common.problem.Problem;
import net.historyarchive.search.common.problem.ProblemType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.io.IOException;

/** Rebuilding the search view from the change topic; only for the role archive-admin. */
@Path("/api/v1/admin/rebuild")
@RolesAllowed(RebuildResource.ROLE)
@Tag(name = "Administration")
@SecurityScheme(securitySchemeName = "adminJwt", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A JWT whose `groups` claim contains `archive-admin`, signed with the archive's key.")
@SecurityRequirement(name = "adminJwt")
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {

    static final String ROLE = AdminSecurityProblems.ROLE;
    private static final String PATH = "/api/v1/admin/rebuild";

    private final ViewRebuilder rebuilder;

    public RebuildResource(ViewRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @POST
    @Operation(operationId = "startRebuild", summary = "Rebuild the search view from the beginning of the change topic",
            description = "Reads every event into a new index generation while searches keep using the live one, then "
                    + "moves the search alias to it atomically. One rebuild at a time across all replicas. Runs in the background: "
                    + "follow it with GET from any replica.")
    @APIResponse(responseCode = "202", description = "Started", content = @Content(schema = @Schema(implementation = RebuildStatus.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token lacks the role archive-admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is already running", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start() throws IOException {
        try {
            return Response.accepted(rebuilder.start()).location(URI.create(PATH)).build();
        } catch (ViewRebuilder.AlreadyRunning e) {
            return Problem.of(ProblemType.CONFLICT, e.getMessage()).toResponse(PATH);
        }
    }

    @GET
    @Operation(operationId = "getRebuildStatus", summary = "The latest rebuild's state and progress, whichever replica runs it",
            description = "Read from the shared status document, so any replica answers the same; a rebuild whose replica stopped reporting shows as FAILED.")
    @APIResponse(responseCode = "200", description = "Status", content = @Content(schema = @Schema(implementation = RebuildStatus.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token lacks the role archive-admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RebuildStatus status() throws IOException {
        return rebuilder.status();
    }
}
