package net.historyarchive.search.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import net.historyarchive.search.common.problem.Problem;
import net.historyarchive.search.common.problem.ProblemType;
import net.historyarchive.search.engine.NameVariantsStore;
import net.historyarchive.search.engine.PreferredNamesRefresh;
import net.historyarchive.search.names.NameVariants;
import net.historyarchive.search.names.NameVariantsFile;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.util.List;

/**
 * The archivists' list of name variants, added to the repository's {@code names/name-variants.txt}
 * without a code change or a rebuild of the view; only for the role archive-admin.
 */
@Path(NameVariantsResource.PATH)
@RolesAllowed(AdminSecurityProblems.ROLE)
@Tag(name = "Administration")
@SecurityRequirement(name = "adminJwt")
public class NameVariantsResource {

    static final String PATH = "/api/v1/admin/name-variants";

    /** What a replacement did: names now known, and the view documents whose preferred names changed. */
    public record Replaced(int archivistsEntries, int entriesInForce, long documentsChecked, long documentsUpdated) {
    }

    private final NameVariantsStore store;
    private final PreferredNamesRefresh refresh;

    public NameVariantsResource(NameVariantsStore store, PreferredNamesRefresh refresh) {
        this.store = store;
        this.refresh = refresh;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
    @Operation(operationId = "getNameVariants", summary = "The archivists' list of name variants",
            description = "In the format of the repository's names/name-variants.txt, which it adds to (empty when none was stored).")
    @APIResponse(responseCode = "200", description = "The list as text")
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token lacks the role archive-admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public String list() throws IOException {
        return store.archivistsList().text();
    }

    @PUT
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceNameVariants", summary = "Replace the archivists' list of name variants",
            description = "One name a line: `preferred form | spelling / spelling | source`. Searches use the new list at once; "
                    + "the documents whose names get another preferred form are updated in place before the answer "
                    + "(filters and facets), with no rebuild. A spelling the repository's list has already moves to the "
                    + "archivists' name, whose preferred form then wins.")
    @APIResponse(responseCode = "200", description = "Stored and applied", content = @Content(schema = @Schema(implementation = Replaced.class)))
    @APIResponse(responseCode = "400", description = "Lines that cannot be read, each with its number; nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token lacks the role archive-admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(String text) throws IOException {
        NameVariants inForce;
        try {
            inForce = store.replaceArchivistsList(text == null ? "" : text);
        } catch (NameVariantsFile.Invalid e) {
            List<Problem.FieldError> errors = e.errors().stream().map(NameVariantsResource::fieldError).toList();
            return Problem.of(ProblemType.VALIDATION_FAILED, "The list has " + errors.size() + " line(s) that cannot be read; nothing was stored",
                    errors).toResponse(PATH);
        }
        PreferredNamesRefresh.Outcome outcome = refresh.apply(inForce);
        int archivists = NameVariantsFile.parse(text == null ? "" : text).size();
        return Response.ok(new Replaced(archivists, inForce.entries().size(), outcome.documentsChecked(), outcome.documentsUpdated())).build();
    }

    /** "line 3: no source is given" as the field "line 3" and its message. */
    private static Problem.FieldError fieldError(String error) {
        int colon = error.indexOf(": ");
        return colon < 0 ? new Problem.FieldError("body", error)
                : new Problem.FieldError(error.substring(0, colon), error.substring(colon + 2));
    }
}
