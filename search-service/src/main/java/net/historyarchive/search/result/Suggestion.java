package net.historyarchive.search.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "Suggestion", description = "A completion for what the user is typing.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Suggestion(
        @Schema(enumeration = {"title", "person", "place", "subject"}) String kind,
        @Schema(examples = "Pyongyang") String value,
        @Schema(description = "For titles: the document.") UUID documentId) {
}
