package net.historyarchive.catalog.document.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import net.historyarchive.catalog.common.validation.LanguageCode;
import net.historyarchive.catalog.document.model.TextKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "TextInput", description = "The original text, a transcript or a translation of the document.")
public record TextInput(
        @NotNull @Schema(required = true, examples = "TRANSLATION") TextKind kind,
        @NotNull @LanguageCode @Schema(required = true, examples = "en") String language,
        @NotBlank @Size(max = 1_000_000) @Schema(required = true, maxLength = 1_000_000) String body,
        @Size(max = 20) @Schema(examples = "[\"Gary Goldberg\"]") List<@NotBlank @Size(max = 300) String> translators) {
}
