package net.historyarchive.catalog.changefeed;

import com.fasterxml.jackson.annotation.JsonInclude;
import net.historyarchive.catalog.document.api.DocumentView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "ChangeFeedPage", description = "Changes in commit order after the cursor; each document appears once, at its latest state.")
public record ChangeFeedPage(
        List<Change> changes,
        @Schema(description = "Pass as 'cursor' to continue. Always present: when changes is empty, poll again later with the same cursor.")
        String nextCursor) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Change")
    public record Change(
            @Schema(enumeration = {"UPSERT", "DELETE"}) String type,
            UUID id,
            long version,
            @Schema(description = "The document's current state (UPSERT only).") DocumentView document,
            @Schema(description = "When it was deleted (DELETE only).") Instant deletedAt) {
    }
}
