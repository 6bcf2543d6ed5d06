package net.historyarchive.search.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import net.historyarchive.search.common.problem.Problem;
import net.historyarchive.search.common.problem.ProblemType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.util.List;

/** Comparing (and repairing) the search view against the catalog; only for the role archive-admin. */
@Path(ConsistencyResource.PATH)
@RolesAllowed(AdminSecurityProblems.ROLE)
@Tag(name = "Administration")
@SecurityRequirement(name = "adminJwt")
@Produces(MediaType.APPLICATION_JSON)
public class ConsistencyResource {

    static final String PATH = "/api/v1/admin/consistency";

    private final ConsistencyChecker checker;

    public ConsistencyResource(ConsistencyChecker checker) {
        this.checker = checker;
    }

    @POST
    @Operation(operationId = "checkConsistency", summary = "Compare the catalog and the search view by id and version",
            description = "Reads every id, version and tombstone of the live view, then the catalog's whole change feed, and "
                    + "reports documents missing from the view, stale in it, phantoms (deleted in the catalog or unknown to it) "
                    + "and documents the view holds at a higher version than the catalog. With repair=true it also writes the "
                    + "catalog's state to the view (external versions: never over anything newer). Answers when done.")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(schema = @Schema(implementation = ConsistencyReport.class)))
    @APIResponse(responseCode = "400", description = "repair is not true or false", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token lacks the role archive-admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A check is already running on this replica", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The catalog or the search engine cannot be reached", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response check(@Parameter(description = "Also repair the differences found.", schema = @Schema(type = SchemaType.BOOLEAN))
                          @QueryParam("repair") @DefaultValue("false") String repair) {
        if (!"true".equals(repair) && !"false".equals(repair)) {
            return Problem.of(ProblemType.VALIDATION_FAILED, "repair must be true or false",
                    List.of(new Problem.FieldError("repair", "must be true or false"))).toResponse(PATH);
        }
        try {
            return Response.ok(checker.check(Boolean.parseBoolean(repair))).build();
        } catch (ConsistencyChecker.AlreadyRunning e) {
            return Problem.of(ProblemType.CONFLICT, e.getMessage()).toResponse(PATH);
        } catch (IOException e) {
            return Problem.of(ProblemType.SERVICE_UNAVAILABLE, e.getMessage()).toResponse(PATH);
        }
    }

    @GET
    @Operation(operationId = "getConsistencyReport", summary = "The last consistency check's report on this replica",
            description = "Each replica keeps the report of the last check it ran, until it restarts.")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(schema = @Schema(implementation = ConsistencyReport.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token lacks the role archive-admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No check has run on this replica since it started", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response last() {
        return checker.last().map(report -> Response.ok(report).build())
                .orElseGet(() -> Problem.of(ProblemType.NOT_FOUND, "No consistency check has run on this replica yet").toResponse(PATH));
    }
}
