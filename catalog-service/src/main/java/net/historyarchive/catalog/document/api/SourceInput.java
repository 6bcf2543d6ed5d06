package net.historyarchive.catalog.document.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Source", description = "Where the original is kept. fond/opis/delo/folios is the reference scheme of Russian archives.")
public record SourceInput(
        @Size(max = 500) @Schema(examples = "Archive of Foreign Policy of the Russian Federation (AVPRF)") String repository,
        @Size(max = 100) @Schema(examples = "0102") String fond,
        @Size(max = 100) @Schema(examples = "12") String opis,
        @Size(max = 100) @Schema(examples = "6") String delo,
        @Size(max = 100) @Schema(examples = "1-18") String folios,
        @Size(max = 2000) @Schema(examples = "AVPRF, fond 0102, opis 12, delo 6, listy 1-18") String citation) {
}
