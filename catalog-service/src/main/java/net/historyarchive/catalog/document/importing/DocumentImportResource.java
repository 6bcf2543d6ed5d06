package net.historyarchive.catalog.document.importing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import net.historyarchive.catalog.common.http.ApiMediaTypes;
import net.historyarchive.catalog.common.problem.Problem;
import net.historyarchive.catalog.common.validation.FieldError;
import net.historyarchive.catalog.common.problem.ProblemException;
import net.historyarchive.catalog.common.problem.ProblemType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;

@Path("/api/v1/documents/import")
@Tag(name = "Import")
public class DocumentImportResource {

    private static final String PATH = "/api/v1/documents/import";

    private final DocumentImportService imports;

    /**
     * Two lines of an import. The OpenAPI annotation scanner would parse it as one JSON object (and lose the
     * second line), so common.openapi.ApiContractFilter puts it back as the string it is.
     */
    public static final String NDJSON_EXAMPLE = "{\"title\": \"Telegram from Ponomarev to the CPSU Central Committee\", \"date\": {\"start\": \"1956-09-26\", \"precision\": \"DAY\"}, \"documentType\": \"TELEGRAM\"}\n"
            + "{\"title\": \"Journal of Soviet Ambassador A.M. Puzanov\", \"date\": {\"start\": \"1960-09-01\", \"precision\": \"MONTH\"}}\n";

    public DocumentImportResource(DocumentImportService imports) {
        this.imports = imports;
    }

    @POST
    @RolesAllowed("archivist")
    @Consumes(ApiMediaTypes.NDJSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @SecurityRequirement(name = "archivistJwt")
    @Operation(operationId = "importDocuments", summary = "Import many documents from NDJSON", description = """
            One document per line, each in the same form as a create (DocumentInput); blank lines are \
            ignored. Every line is validated with the same rules as a single create, and errors are \
            reported by line number.

            Policy, chosen with `mode`:
            * `ATOMIC` (default): all or nothing. If any line is invalid, nothing is written and the answer \
            is 422 listing the invalid lines.
            * `PER_LINE`: every valid line is written, invalid lines are skipped and listed; the answer is 200.

            Limits: 1,000,000 lines, 2 MiB per line, 512 MiB per request.""")
    @RequestBody(required = true, content = @Content(mediaType = ApiMediaTypes.NDJSON,
            schema = @Schema(type = SchemaType.STRING, description = "NDJSON: one DocumentInput JSON object per line"),
            examples = @ExampleObject(name = "two documents", value = NDJSON_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Imported (in PER_LINE mode possibly with skipped lines)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "Empty body or invalid mode", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Too many lines or bytes", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "ATOMIC import with invalid lines: nothing was written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ImportRejected.class)))
    @APIResponse(responseCode = "503", description = "This instance is shutting down (ImportDraining); nothing was written. Retry after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response importDocuments(
            @Parameter(description = "ATOMIC (all or nothing, default) or PER_LINE (skip invalid lines).",
                    schema = @Schema(enumeration = {"ATOMIC", "PER_LINE"}, defaultValue = "ATOMIC"))
            @QueryParam("mode") @DefaultValue("ATOMIC") String mode,
            InputStream body) {
        ImportReport report = imports.importNdjson(body, parseMode(mode));
        if (report.mode() == ImportMode.ATOMIC && report.failed() > 0) {
            return Response.status(422).type(Problem.MEDIA_TYPE).entity(ImportRejected.of(report, PATH)).build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    private static ImportMode parseMode(String mode) {
        try {
            return ImportMode.valueOf(mode.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED, "Query parameter 'mode' is invalid",
                    List.of(new FieldError("mode", "must be ATOMIC or PER_LINE"))));
        }
    }
}
