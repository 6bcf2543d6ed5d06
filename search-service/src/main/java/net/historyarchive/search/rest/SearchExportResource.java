package net.historyarchive.search.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import net.historyarchive.search.common.problem.Problem;
import net.historyarchive.search.export.ExportFormat;
import net.historyarchive.search.export.ResultSetExport;
import net.historyarchive.search.query.SearchRequestParser;
import net.historyarchive.search.service.SearchService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A whole result set, not just a page, in a format reference managers and spreadsheets read. */
@Path("/api/v1/search/export")
@Tag(name = "Search")
public class SearchExportResource {

    /** Paging belongs to the export itself; the rest are the search's own parameters. */
    private static final Set<String> NOT_FOR_EXPORT = Set.of("page", "size", "cursor", "facets", "facetSize", "explain");

    private final ResultSetExport export;
    private final SearchService search;

    public SearchExportResource(ResultSetExport export, SearchService search) {
        this.export = export;
        this.search = search;
    }

    @GET
    @Operation(operationId = "exportSearch", summary = "Export every match of a search",
            description = "Takes the search's query, filters and sort (as GET /api/v1/search) and streams every matching "
                    + "document, beyond 10,000, in the search's order: csv (one row each, with a header), ndjson (the record with "
                    + "its url and Chicago citation), ris, bibtex or csl-json. Each record carries its citation (Chicago, notes "
                    + "and bibliography). Documents changed during a long export appear as they were when it reached them.")
    @Parameter(name = "format", in = ParameterIn.QUERY, required = true,
            schema = @Schema(type = SchemaType.STRING, enumeration = {"csv", "ndjson", "ris", "bibtex", "csl-json"}))
    @APIResponse(responseCode = "200", description = "The documents, streamed", content = {
            @Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson"),
            @Content(mediaType = "application/x-research-info-systems"), @Content(mediaType = "application/x-bibtex"),
            @Content(mediaType = "application/vnd.citationstyles.csl+json")})
    @APIResponse(responseCode = "400", description = "Unknown format, a paging parameter, or an invalid search parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response export(@Context UriInfo uri) {
        MultivaluedHashMap<String, String> parameters = new MultivaluedHashMap<>(uri.getQueryParameters());
        List<String> formats = parameters.remove("format");
        List<Problem.FieldError> errors = new java.util.ArrayList<>();
        ExportFormat format = null;
        if (formats == null || formats.size() != 1) {
            errors.add(new Problem.FieldError("format", "give exactly one format: " + names()));
        } else {
            format = ExportFormat.of(formats.get(0)).orElse(null);
            if (format == null) {
                errors.add(new Problem.FieldError("format", "unknown format '" + formats.get(0) + "'; formats are " + names()));
            }
        }
        SearchParameters.refuse(parameters, NOT_FOR_EXPORT, "an export has every match in one file", "The export's parameters are not valid",
                errors);
        var request = SearchRequestParser.parse(parameters, search.maxPageWindow());
        String documents = uri.getBaseUriBuilder().path("documents").build().toString() + "/";
        ExportFormat chosen = format;
        StreamingOutput body = out -> export.write(request, chosen, documents, out);
        return Response.ok(body, chosen.mediaType)
                .header("Content-Disposition", "attachment; filename=\"archive-export." + chosen.extension + "\"").build();
    }

    private static String names() {
        return Arrays.stream(ExportFormat.values()).map(f -> f.name).collect(Collectors.joining(", "));
    }
}
