package net.historyarchive.catalog.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import net.historyarchive.catalog.common.validation.FieldError;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * An RFC 9457 problem detail. Every error this service returns has this shape, with
 * {@code type} taken from {@link ProblemType} so clients can switch on it.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details, returned as application/problem+json for every error.")
public record Problem(
        @Schema(description = "Stable identifier of the kind of problem.", examples = "urn:historyarchive:problem:validation-failed")
        String type,
        @Schema(description = "Short summary of the kind of problem.", examples = "Validation failed")
        String title,
        @Schema(description = "HTTP status code.", examples = "400")
        int status,
        @Schema(description = "What went wrong in this occurrence.", examples = "2 fields are invalid")
        String detail,
        @Schema(description = "The request path this problem belongs to.", examples = "/api/v1/documents")
        String instance,
        @Schema(description = "For validation problems: each field that failed and why.")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, List.of());
    }

    public static Problem of(ProblemType type, String detail, List<FieldError> errors) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, errors);
    }
}
