package net.historyarchive.catalog.document.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import net.historyarchive.catalog.document.model.DatePrecision;
import net.historyarchive.catalog.document.model.DateQualifier;
import net.historyarchive.catalog.document.model.DocumentType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A document as the REST API returns it. Only the API: change events carry their own type,
 * {@code outbox.event.DocumentSnapshot}, so a field added here (say a computed link or a
 * reading-room URL) changes the OpenAPI document and nothing in the event contract.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Document", description = "A document record. version increments on every change and is also sent as the ETag.")
public record DocumentView(
        @Schema(examples = "0190f5d2-8c1e-7b4a-9f3e-2a1b3c4d5e6f") UUID id,
        @Schema(examples = "3") long version,
        Instant createdAt,
        Instant updatedAt,
        String title,
        String summary,
        @Schema(description = "Absent for undated documents.") DateView date,
        DocumentType documentType,
        List<String> languages,
        List<TextInput> texts,
        SourceInput source,
        RightsInput rights,
        List<CollectionRef> collections,
        List<String> subjects,
        List<String> people,
        List<String> places,
        List<UUID> related,
        List<MediaInput> media) {

    @Schema(name = "PartialDate", description = "start and end are inclusive and widened to the precision; "
            + "both are absent when the precision is UNKNOWN.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DateView(
            @Schema(examples = "September 19, 1956") String display,
            @Schema(examples = "1956-09-19") LocalDate start,
            @Schema(examples = "1956-09-19") LocalDate end,
            DatePrecision precision,
            DateQualifier qualifier) {
    }

    @Schema(name = "CollectionRef", description = "A collection the document belongs to.")
    public record CollectionRef(UUID id, @Schema(examples = "Korean War Origins") String name) {
    }
}
