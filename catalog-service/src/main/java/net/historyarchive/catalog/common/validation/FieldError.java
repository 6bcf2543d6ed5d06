package net.historyarchive.catalog.common.validation;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One input field (of a body, or a query parameter) that was rejected, and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FieldError", description = "One field that failed validation.")
public record FieldError(
        @Schema(description = "JSON path of the field, dotted, with [i] for array items; or the query parameter's name.", examples = "date.end")
        String field,
        @Schema(description = "Why it failed.", examples = "must not be before date.start")
        String message) {
}
