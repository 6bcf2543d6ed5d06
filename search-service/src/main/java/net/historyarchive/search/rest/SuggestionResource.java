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
import net.historyarchive.search.result.Suggestion;
import net.historyarchive.search.service.SuggestionService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

@Path("/api/v1/suggestions")
@Tag(name = "Search")
public class SuggestionResource {

    private static final Set<String> KINDS = Set.of("title", "person", "place", "subject");
    private static final Set<String> PARAMETERS = Set.of("q", "kind", "size");

    private final SuggestionService suggestions;

    public SuggestionResource(SuggestionService suggestions) {
        this.suggestions = suggestions;
    }

    public record Suggestions(List<Suggestion> suggestions) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "suggest", summary = "Completions for titles, people, places and subjects as the user types",
            description = "Prefix matches on the words of titles and on names, for a search box; accents and case are ignored.")
    @Parameter(name = "q", in = ParameterIn.QUERY, required = true, description = "What the user has typed so far (1 to 100 characters).", example = "pyong",
            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 100))
    @Parameter(name = "kind", in = ParameterIn.QUERY, description = "title, person, place or subject (repeatable). Default: all.",
            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
    @Parameter(name = "size", in = ParameterIn.QUERY, description = "Suggestions per kind group, 1 to 20 (default 5).",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "20"))
    @APIResponse(responseCode = "200", description = "Names first (people, places, subjects), then titles",
            headers = {@org.eclipse.microprofile.openapi.annotations.headers.Header(name = "ETag", description = "Weak tag of this answer; send it as If-None-Match to get 304 when nothing changed"),
                    @org.eclipse.microprofile.openapi.annotations.headers.Header(name = "Cache-Control", description = "public, no-cache: caches may keep the answer and revalidate it")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Suggestions.class)))
    @APIResponse(responseCode = "400", description = "Missing q, unknown kind or parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    @ConditionalGet
    public Suggestions suggest(@Context UriInfo uri) throws IOException {
        var parameters = uri.getQueryParameters();
        Set<String> unknown = new TreeSet<>(parameters.keySet());
        unknown.removeAll(PARAMETERS);
        if (!unknown.isEmpty()) {
            throw ProblemException.invalidParameter(unknown.iterator().next(), "unknown parameter; known parameters are " + new TreeSet<>(PARAMETERS));
        }
        String typed = parameters.getFirst("q");
        if (typed == null || typed.isBlank() || typed.length() > 100) {
            throw ProblemException.invalidParameter("q", "give 1 to 100 characters");
        }
        if (typed.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.SURROGATE)) {
            throw ProblemException.invalidParameter("q", "control characters are not allowed");
        }
        Set<String> kinds = new TreeSet<>(parameters.getOrDefault("kind", List.of()));
        for (String kind : kinds) {
            if (!KINDS.contains(kind)) {
                throw ProblemException.invalidParameter("kind", "'" + kind + "' is not one of " + new TreeSet<>(KINDS));
            }
        }
        int size = 5;
        if (parameters.containsKey("size")) {
            try {
                size = Integer.parseInt(parameters.getFirst("size"));
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > 20) {
                throw ProblemException.invalidParameter("size", "expected a whole number from 1 to 20");
            }
        }
        return new Suggestions(suggestions.suggest(typed, kinds.isEmpty() ? KINDS : kinds, size));
    }
}
