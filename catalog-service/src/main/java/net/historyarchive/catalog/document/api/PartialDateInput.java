package net.historyarchive.catalog.document.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import net.historyarchive.catalog.document.model.DatePrecision;
import net.historyarchive.catalog.document.model.DateQualifier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "PartialDateInput", description = """
        A date known to some precision. For DAY give start. For MONTH, YEAR and DECADE give any day \
        within the period as start; start and end are widened to the whole period. For RANGE give \
        start and end (inclusive). For UNKNOWN give neither, only display. display is generated \
        when omitted ("September 19, 1956", "September 1956", "1956", "1950s"; qualifier APPROXIMATE \
        prefixes "circa").""")
public record PartialDateInput(
        @Size(max = 200) @Schema(examples = "September 1956") String display,
        @Schema(examples = "1956-09-19") LocalDate start,
        @Schema(examples = "1956-09-19") LocalDate end,
        @NotNull @Schema(required = true, examples = "DAY") DatePrecision precision,
        @Schema(description = "Defaults to NONE.", examples = "NONE") DateQualifier qualifier) {
}
