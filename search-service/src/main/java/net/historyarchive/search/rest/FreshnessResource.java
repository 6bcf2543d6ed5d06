package net.historyarchive.search.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import net.historyarchive.search.ingest.EventLane;
import net.historyarchive.search.ingest.IngestStatus;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

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
            @Schema(description = "Events sent to the dead-letter topic since start.") long deadLettered,
            @Schema(description = "The same per event lane: interactive (single changes) and bulk (imports and other bulk work).")
            Map<String, LaneFreshness> lanes) {
    }

    @Schema(name = "LaneFreshness")
    public record LaneFreshness(
            @Schema(description = "Events on the lane's topic not yet applied by this replica; -1 while unknown.") long consumerLag,
            @Schema(description = "How long the lane's oldest waiting event has waited at most, in seconds; 0 when none waits.")
            double oldestWaitingSeconds,
            @Schema(description = "Events of the lane applied by this replica since start.") long applied) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "How far behind the catalog the search view is")
    public Freshness freshness() {
        Map<String, LaneFreshness> lanes = new LinkedHashMap<>();
        for (EventLane lane : EventLane.values()) {
            lanes.put(lane.label(), new LaneFreshness(status.lag(lane), status.oldestWaitingAgeSeconds(lane), (long) status.appliedCount(lane)));
        }
        return new Freshness(status.lag(), status.lastAppliedAt(), status.lastEventTime(), (long) status.deadLetteredCount(), lanes);
    }
}
