package net.historyarchive.search.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import net.historyarchive.search.ingest.IngestStatus;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;

@Path("/api/v1/freshness")
@Tag(name = "Freshness")
public class FreshnessResource {

    private final IngestStatus status;

    public FreshnessResource(IngestStatus status) {
        this.status = status;
    }

    @Schema(name = "Freshness")
    public record Freshness(
            @Schema(description = "Change events on the topic not yet applied by this replica; -1 while unknown.") long consumerLag,
            @Schema(description = "When this replica last applied events.") Instant lastAppliedAt,
            @Schema(description = "Time of the newest catalog change the view has applied.") Instant lastChangeTime,
            @Schema(description = "Events sent to the dead-letter topic since start.") long deadLettered) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getFreshness", summary = "How far behind the catalog the search view is",
            description = "The consumer's lag in events, when it last applied one, the newest event time applied, and how many events went to the dead-letter topic.")
    public Freshness freshness() {
        return new Freshness(status.lag(), status.lastAppliedAt(), status.lastEventTime(), (long) status.deadLetteredCount());
    }
}
