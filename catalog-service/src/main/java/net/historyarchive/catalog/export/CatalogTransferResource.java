package net.historyarchive.catalog.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import net.historyarchive.catalog.common.http.ApiMediaTypes;
import net.historyarchive.catalog.common.problem.Problem;
import net.historyarchive.catalog.common.validation.InputValidator;
import net.historyarchive.catalog.document.importing.ImportRejected;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Backup and migration: the whole catalog out as NDJSON, and back into an empty catalog. */
@Path("/api/v1/admin")
@Tag(name = "Export and restore", description = "The whole catalog as NDJSON, for backups and migrations")
public class CatalogTransferResource {

    static final String ROLE = "archive-admin";
    private static final String IMPORT_PATH = "/api/v1/admin/import";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final AgroalDataSource dataSource;
    private final CatalogExporter exporter;
    private final CatalogRestorer restorer;

    public CatalogTransferResource(AgroalDataSource dataSource, ObjectMapper json, InputValidator validator) {
        this.dataSource = dataSource;
        this.exporter = new CatalogExporter(json);
        this.restorer = new CatalogRestorer(json, validator);
    }

    @GET
    @Path("/export")
    @RolesAllowed(ROLE)
    @Produces(ApiMediaTypes.NDJSON)
    @SecurityRequirement(name = "archivistJwt")
    @Operation(operationId = "exportCatalog", summary = "Export the whole catalog", description = """
            Every collection, document and deletion as NDJSON, from one consistent snapshot of the catalog \
            (writes made while the export runs are not in it). Streamed: memory does not grow with the catalog. \
            Lines: a header, the collections, the documents (each with `.document` in the bulk import's format), \
            the deletions, and an `end` line with the counts. Restore with POST /api/v1/admin/import.""")
    @APIResponse(responseCode = "200", description = "The export",
            content = @Content(mediaType = ApiMediaTypes.NDJSON, schema = @Schema(type = SchemaType.STRING)))
    public Response export() {
        StreamingOutput body = out -> {
            try (Connection connection = dataSource.getConnection()) {
                exporter.export(connection, out);
            } catch (SQLException e) {
                throw new IOException("The export failed", e); // the body is cut short; the missing end line shows it
            }
        };
        return Response.ok(body, ApiMediaTypes.NDJSON)
                .header("Content-Disposition", "attachment; filename=\"catalog-" + FILE_TIME.format(Instant.now()) + ".ndjson\"")
                .build();
    }

    @POST
    @Path("/import")
    @RolesAllowed(ROLE)
    @Consumes(ApiMediaTypes.NDJSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @SecurityRequirement(name = "archivistJwt")
    @Operation(operationId = "restoreCatalog", summary = "Restore an export into an empty catalog", description = """
            Loads a file made by GET /api/v1/admin/export, keeping every id, version and timestamp. All or nothing: \
            any invalid line and nothing is written (422 listing the lines). The catalog must be empty (409 otherwise). \
            Writes a 'created' change event per document, so search-service rebuilds its view from them.""")
    @APIResponse(responseCode = "200", description = "Restored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CatalogRestorer.Counts.class)))
    @APIResponse(responseCode = "409", description = "The catalog is not empty", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid lines; nothing was written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ImportRejected.class)))
    public Response restore(InputStream body) {
        try (Connection connection = dataSource.getConnection()) {
            return Response.ok(restorer.restore(connection, body), MediaType.APPLICATION_JSON).build();
        } catch (CatalogRestorer.Rejected e) {
            ImportRejected problem = ImportRejected.of(e.report(), IMPORT_PATH);
            return Response.status(422).type(Problem.MEDIA_TYPE)
                    .entity(new ImportRejected(problem.type(), "Restore rejected", problem.status(),
                            e.report().failed() + " of " + e.report().lines() + " lines are invalid; nothing was restored",
                            problem.instance(), problem.lines(), problem.failed(), problem.errors(), problem.errorsTruncated()))
                    .build();
        } catch (SQLException e) {
            throw new IllegalStateException("The restore failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
