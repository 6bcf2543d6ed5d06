package net.historyarchive.catalog.outbox.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import net.historyarchive.catalog.document.model.DatePrecision;
import net.historyarchive.catalog.document.model.DateQualifier;
import net.historyarchive.catalog.document.model.DocumentType;
import net.historyarchive.catalog.document.model.ReuseCategory;
import net.historyarchive.catalog.document.model.TextKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The data of a created or updated change event: the whole document after the change. This is
 * the contract with every consumer of the topic, {@code contracts/schemas/document-snapshot.v1.schema.json},
 * which rejects unknown properties: a field added here is a change of that contract (schema first,
 * then consumers), and {@code DocumentSnapshotContractTest} fails until both agree. The REST
 * representation ({@code document.api.DocumentView}) is a separate type and may grow freely.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentSnapshot(
        UUID id,
        long version,
        Instant createdAt,
        Instant updatedAt,
        String title,
        String summary,
        Date date,
        DocumentType documentType,
        List<String> languages,
        List<Text> texts,
        Source source,
        Rights rights,
        List<CollectionRef> collections,
        List<String> subjects,
        List<String> people,
        List<String> places,
        List<UUID> related,
        List<Media> media) {

    /** start and end are absent only for precision UNKNOWN. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Date(String display, LocalDate start, LocalDate end, DatePrecision precision, DateQualifier qualifier) {
    }

    public record Text(TextKind kind, String language, String body, List<String> translators) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String repository, String fond, String opis, String delo, String folios, String citation) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rights(String statement, String uri, ReuseCategory reuse) {
    }

    public record CollectionRef(UUID id, String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Media(String uri, String mediaType, String caption) {
    }
}
