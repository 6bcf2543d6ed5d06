package net.historyarchive.catalog.document.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import net.historyarchive.catalog.document.model.ReuseCategory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Rights")
public record RightsInput(
        @Size(max = 2000) @Schema(examples = "This document is in the public domain.") String statement,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URI")
        @Schema(examples = "https://rightsstatements.org/vocab/NoC-US/1.0/") String uri,
        @Schema(examples = "PUBLIC_DOMAIN") ReuseCategory reuse) {
}
