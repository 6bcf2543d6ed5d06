package net.historyarchive.catalog.document.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DocumentPage", description = "One page of documents in creation order.")
public record DocumentPage(
        List<DocumentView> items,
        @Schema(description = "Pass as 'cursor' to get the next page; absent on the last page.", nullable = true)
        String nextCursor) {
}
