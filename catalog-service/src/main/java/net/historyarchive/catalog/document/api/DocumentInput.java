package net.historyarchive.catalog.document.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import net.historyarchive.catalog.common.validation.LanguageCode;
import net.historyarchive.catalog.document.model.DocumentType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** What a client sends to create or replace a document. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DocumentInput", description = "A document record as written by an archivist. Unknown fields are rejected.")
public record DocumentInput(
        @NotBlank @Size(max = 1000)
        @Schema(required = true, maxLength = 1000, examples = "Record of a Meeting between the Soviet and Chinese Delegations")
        String title,

        @Size(max = 20000)
        @Schema(maxLength = 20000, examples = "Mao Zedong reveals that several Korean Workers' Party members have been placed under arrest.")
        String summary,

        @Valid
        @Schema(description = "The document's date; omit for an undated document (undated documents sort last).")
        PartialDateInput date,

        @Schema(examples = "RECORD_OF_CONVERSATION")
        DocumentType documentType,

        @Size(max = 20)
        @Schema(description = "Languages of the document, ISO 639-1 (two letters) or ISO 639-2/T (three letters) codes.", examples = "[\"ru\", \"zh\"]")
        List<@NotNull @LanguageCode String> languages,

        @Size(max = 50) @Valid
        List<@NotNull TextInput> texts,

        @Valid SourceInput source,

        @Valid RightsInput rights,

        @Size(max = 100)
        @Schema(description = "Ids of the collections the document belongs to; each must exist.")
        List<@NotNull UUID> collections,

        @Size(max = 200)
        @Schema(examples = "[\"Sino-North Korean relations\", \"August Plenum Incident\"]")
        List<@NotBlank @Size(max = 300) String> subjects,

        @Size(max = 500)
        @Schema(examples = "[\"Mao Zedong\", \"Kim Il Sung\", \"Anastas Mikoyan\"]")
        List<@NotBlank @Size(max = 300) String> people,

        @Size(max = 200)
        @Schema(examples = "[\"Pyongyang\", \"Beijing\"]")
        List<@NotBlank @Size(max = 300) String> places,

        @Size(max = 200)
        @Schema(description = "Ids of related documents; each must exist.")
        List<@NotNull UUID> related,

        @Size(max = 100) @Valid
        List<@NotNull MediaInput> media) {

    public List<String> languagesOrEmpty() {
        return languages == null ? List.of() : languages;
    }

    public List<UUID> collectionsOrEmpty() {
        return collections == null ? List.of() : collections;
    }

    public List<UUID> relatedOrEmpty() {
        return related == null ? List.of() : related;
    }
}
