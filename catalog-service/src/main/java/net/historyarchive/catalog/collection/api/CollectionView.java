package net.historyarchive.catalog.collection.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Collection")
public record CollectionView(UUID id, long version, Instant createdAt, Instant updatedAt,
                             String name, String description,
                             @Schema(description = "Number of documents in the collection.") long documentCount) {
}
