package net.historyarchive.catalog.document.importing;

import com.fasterxml.jackson.annotation.JsonInclude;
import net.historyarchive.catalog.common.validation.FieldError;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ImportReport", description = "The outcome of a bulk import.")
public record ImportReport(
        @Schema(examples = "ATOMIC") ImportMode mode,
        @Schema(description = "Non-blank lines read.", examples = "100000") int lines,
        @Schema(description = "Documents written.", examples = "100000") int created,
        @Schema(description = "Lines rejected.", examples = "0") int failed,
        @Schema(description = "Ids of the documents written, in line order.") List<UUID> ids,
        @Schema(description = "The rejected lines (at most the first 1000) and why.") List<LineError> errors,
        @Schema(description = "True when more lines failed than are listed in errors.") boolean errorsTruncated) {

    @Schema(name = "ImportLineError", description = "Why one line of an import was rejected.")
    public record LineError(@Schema(description = "1-based line number.", examples = "17") int line,
                            List<FieldError> errors) {
    }
}
