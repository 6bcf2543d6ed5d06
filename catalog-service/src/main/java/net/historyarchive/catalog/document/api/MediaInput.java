package net.historyarchive.catalog.document.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Media", description = "A link to a scan, photograph or recording of the document.")
public record MediaInput(
        @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URI")
        @Schema(required = true, examples = "https://media.example.org/scans/avprf-0102-12-6.pdf") String uri,
        @Size(max = 100) @Pattern(regexp = "[a-z]+/[a-zA-Z0-9.+-]+", message = "must be a media type such as application/pdf")
        @Schema(examples = "application/pdf") String mediaType,
        @Size(max = 500) @Schema(examples = "Scan of the original, 18 folios") String caption) {
}
