package net.historyarchive.search.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * An RFC 9457 problem detail; every error search-service returns has this shape. The shape and
 * the problem types are one contract with catalog-service: contracts/schemas/problem.v1.schema.json,
 * which the tests of both services validate their problems against.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details, returned as application/problem+json for every error.")
public record Problem(
        @Schema(description = "Stable identifier of the kind of problem.", examples = "urn:historyarchive:problem:invalid-query")
        String type,
        @Schema(description = "Short summary of the kind of problem.", examples = "Invalid search query")
        String title,
        @Schema(description = "HTTP status code.", examples = "400")
        int status,
        @Schema(description = "What went wrong in this occurrence.", examples = "Unclosed quote at position 7")
        String detail,
        @Schema(description = "The request path this problem belongs to.", examples = "/api/v1/search")
        String instance,
        @Schema(description = "For validation problems: each field (here: query parameter) that was rejected and why.")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, List.of());
    }

    public static Problem of(ProblemType type, String detail, List<FieldError> errors) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, errors);
    }

    public Response toResponse(String path) {
        return Response.status(status).type(MEDIA_TYPE)
                .entity(new Problem(type, title, status, detail, path, errors)).build();
    }

    /** Named {@code field} as in catalog-service, where it is a body field's JSON path or a query parameter. */
    @Schema(name = "FieldError", description = "One field that failed validation: here, a query parameter.")
    public record FieldError(
            @Schema(description = "The query parameter's name.", examples = "size") String field,
            @Schema(description = "Why it failed.", examples = "must be between 1 and 100") String message) {
    }
}
