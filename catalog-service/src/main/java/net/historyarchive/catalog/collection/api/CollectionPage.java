package net.historyarchive.catalog.collection.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "CollectionPage", description = "One page of collections in creation order.")
public record CollectionPage(
        List<CollectionView> items,
        @Schema(description = "Pass as 'cursor' to get the next page; absent on the last page.", nullable = true)
        String nextCursor) {
}
