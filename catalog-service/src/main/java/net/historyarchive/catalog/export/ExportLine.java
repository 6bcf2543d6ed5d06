package net.historyarchive.catalog.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import net.historyarchive.catalog.collection.api.CollectionInput;
import net.historyarchive.catalog.document.api.DocumentInput;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of a catalog export (NDJSON), by {@code type}:
 * <ul>
 * <li>{@code header}: format, formatVersion, exportedAt (the first line);</li>
 * <li>{@code collection}: id, version, createdAt, updatedAt and the collection in the API's create format;</li>
 * <li>{@code document}: id, version, createdAt, updatedAt and the document in the bulk import's
 *     line format (DocumentInput), so {@code .document} of each line is a valid import line;</li>
 * <li>{@code deletion}: id, version, deletedAt of a deleted document (kept for harvesters);</li>
 * <li>{@code end}: how many collections, documents and deletions came before (the last line:
 *     a file without it was cut short).</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExportLine(String type, String format, Integer formatVersion, Instant exportedAt,
                         UUID id, Long version, Instant createdAt, Instant updatedAt, Instant deletedAt,
                         CollectionInput collection, DocumentInput document,
                         Long collections, Long documents, Long deletions) {

    public static final String FORMAT = "historyarchive-catalog-export";
    public static final int FORMAT_VERSION = 1;

    static ExportLine header(Instant exportedAt) {
        return new ExportLine("header", FORMAT, FORMAT_VERSION, exportedAt, null, null, null, null, null, null, null, null, null, null);
    }

    static ExportLine collection(UUID id, long version, Instant createdAt, Instant updatedAt, CollectionInput collection) {
        return new ExportLine("collection", null, null, null, id, version, createdAt, updatedAt, null, collection, null, null, null, null);
    }

    static ExportLine document(UUID id, long version, Instant createdAt, Instant updatedAt, DocumentInput document) {
        return new ExportLine("document", null, null, null, id, version, createdAt, updatedAt, null, null, document, null, null, null);
    }

    static ExportLine deletion(UUID id, long version, Instant deletedAt) {
        return new ExportLine("deletion", null, null, null, id, version, null, null, deletedAt, null, null, null, null, null);
    }

    static ExportLine end(long collections, long documents, long deletions) {
        return new ExportLine("end", null, null, null, null, null, null, null, null, null, null, collections, documents, deletions);
    }
}
