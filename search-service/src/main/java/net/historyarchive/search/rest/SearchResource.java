package net.historyarchive.search.rest;

import jakarta.ws.rs.GET;
import net.historyarchive.search.common.http.ConditionalGet;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import net.historyarchive.search.common.problem.Problem;
import net.historyarchive.search.common.problem.ProblemException;
import net.historyarchive.search.query.CursorRejected;
import net.historyarchive.search.result.SearchResult;
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

import java.io.IOException;

@Path("/api/v1/search")
@Tag(name = "Search")
public class SearchResource {

    private final SearchService search;

    public SearchResource(SearchService search) {
        this.search = search;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "search", summary = "Full-text search with filters, facets, highlights and paging",
            description = "Query syntax: words (all must match, English stemming, accents ignored, typos tolerated), "
                    + "\"exact phrases\", OR between terms, -excluded terms, prefix*, and (parentheses). Any other "
                    + "character is plain text. Filters with several values match any of them; different filters "
                    + "must all match. Common English words (the, with, from, which...) are left out of plain words, never out of \"phrases\". "
                    + "Totals are exact up to 10,000 matches, then a lower bound (relation gte); facets count every match.")
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "The query; omit to browse by filters.", example = "Pyongyang plenum")
    @Parameter(name = "sort", in = ParameterIn.QUERY, description = "relevance (default with q), date-asc (default without q), date-desc, title, added-desc (newest additions to the archive first). Undated documents sort last.",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"relevance", "date-asc", "date-desc", "title"}))
    @Parameter(name = "page", in = ParameterIn.QUERY, description = "1-based page; page × size at most archive.search.max-page-window (10000).",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
    @Parameter(name = "size", in = ParameterIn.QUERY, description = "Hits per page, 1 to 100 (default 10).",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "nextCursor of the previous page, for deep paging (instead of page) "
            + "with no depth limit; from the second page on the walk sees one frozen state of the view. A cursor lasts 5 minutes after each page.")
    @Parameter(name = "explain", in = ParameterIn.QUERY, description = "true: each hit says what its relevance score is made of (for archivists and developers).",
            schema = @Schema(type = SchemaType.BOOLEAN))
    @Parameter(name = "dateFrom", in = ParameterIn.QUERY, description = "YYYY, YYYY-MM or YYYY-MM-DD; widened to the start of the year or month.", example = "1956")
    @Parameter(name = "dateTo", in = ParameterIn.QUERY, description = "YYYY, YYYY-MM or YYYY-MM-DD; widened to the end of the year or month.", example = "1956-09")
    @Parameter(name = "dateMatch", in = ParameterIn.QUERY, description = "overlaps (default): the document's date range meets the requested one; within: lies entirely inside it.",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"overlaps", "within"}))
    @Parameter(name = "undated", in = ParameterIn.QUERY, description = "include, exclude or only undated documents. Default: exclude when a date range is given, else include.",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"include", "exclude", "only"}))
    @Parameter(name = "collection", in = ParameterIn.QUERY, description = "Collection name (repeatable).",
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    @Parameter(name = "subject", in = ParameterIn.QUERY, description = "Subject (repeatable).",
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    @Parameter(name = "person", in = ParameterIn.QUERY, description = "Person as listed on documents (repeatable).", example = "[\"Kim Il Sung\"]",
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    @Parameter(name = "place", in = ParameterIn.QUERY, description = "Place (repeatable).", example = "[\"Pyongyang\"]",
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    @Parameter(name = "language", in = ParameterIn.QUERY, description = "ISO 639 code (repeatable).", example = "[\"ru\"]",
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    @Parameter(name = "type", in = ParameterIn.QUERY, description = "Document type (repeatable).", example = "[\"TELEGRAM\"]",
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    @Parameter(name = "hasTranslation", in = ParameterIn.QUERY, description = "Only documents with (true) or without (false) a translation.",
            schema = @Schema(type = SchemaType.BOOLEAN))
    @Parameter(name = "facets", in = ParameterIn.QUERY, description = "Comma-separated facets to count: collection, subject, person, place, language, type, decade, hasTranslation, or none. Default: all.")
    @Parameter(name = "facetSize", in = ParameterIn.QUERY, description = "Values per facet, 1 to 100 (default 10).",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
    @APIResponse(responseCode = "200", description = "A page of results",
            headers = {@org.eclipse.microprofile.openapi.annotations.headers.Header(name = "ETag", description = "Weak tag of this answer; send it as If-None-Match to get 304 when nothing changed"),
                    @org.eclipse.microprofile.openapi.annotations.headers.Header(name = "Cache-Control", description = "public, no-cache: caches may keep the answer and revalidate it")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SearchResult.class)))
    @APIResponse(responseCode = "400", description = "Query syntax error, unknown or invalid parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    @ConditionalGet
    public SearchResult search(@Context UriInfo uri) throws IOException {
        var parameters = uri.getQueryParameters();
        var request = SearchRequestParser.parse(parameters, search.maxPageWindow());
        try {
            return search.search(request, parameters.getFirst("q") == null ? "" : parameters.getFirst("q"));
        } catch (CursorRejected e) {
            throw ProblemException.invalidParameter("cursor", e.getMessage());
        }
    }
}
