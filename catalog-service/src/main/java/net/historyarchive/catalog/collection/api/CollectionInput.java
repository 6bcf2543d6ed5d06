package net.historyarchive.catalog.collection.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CollectionInput", description = "A collection as written by an archivist. Names are unique, ignoring case.")
public record CollectionInput(
        @NotBlank @Size(max = 300) @Schema(required = true, examples = "North Korea in the Cold War") String name,
        @Size(max = 10000) @Schema(examples = "Soviet, Chinese and East European records on the DPRK, 1945-1991.") String description) {
}
