package net.historyarchive.catalog.collection.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "CollectionPage", description = "One page of collections in creation order.")
public record CollectionPage(
        List<CollectionView> items,
        @Schema(description = "Pass as 'cursor' to get the next page; absent on the last page.", nullable = true)
        String nextCursor) {
}
