package net.historyarchive.search.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** Where the latest rebuild of the view on this replica stands. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "RebuildStatus", description = "The latest rebuild of the search view started on this replica.")
public record RebuildStatus(
        @Schema(description = "IDLE (none since start), RUNNING, SUCCEEDED or FAILED.") State state,
        @Schema(description = "While running: LOADING (reading the topic into fresh tables), INDEXING, CATCHING_UP "
                + "(events that arrived meanwhile), SWAPPING (the fresh tables replace the live ones).") Phase phase,
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "Records read from the topic.") long eventsRead,
        @Schema(description = "Document rows written to the fresh view (an event older than one already applied writes none).")
        long documentsApplied,
        @Schema(description = "Records that are not valid change events, skipped (the regular consumer dead-letters them).")
        long poisonEventsSkipped,
        @Schema(description = "Why the rebuild failed; the live view is unchanged then.") String error) {

    public enum State { IDLE, RUNNING, SUCCEEDED, FAILED }

    public enum Phase { LOADING, INDEXING, CATCHING_UP, SWAPPING }

    static final RebuildStatus IDLE = new RebuildStatus(State.IDLE, null, null, null, 0, 0, 0, null);

    static RebuildStatus started(Instant now) {
        return new RebuildStatus(State.RUNNING, Phase.LOADING, now, null, 0, 0, 0, null);
    }

    RebuildStatus phase(Phase next) {
        return new RebuildStatus(state, next, startedAt, finishedAt, eventsRead, documentsApplied, poisonEventsSkipped, error);
    }

    RebuildStatus progress(long read, long applied, long poison) {
        return new RebuildStatus(state, phase, startedAt, finishedAt, read, applied, poison, error);
    }

    RebuildStatus succeeded(Instant now) {
        return new RebuildStatus(State.SUCCEEDED, null, startedAt, now, eventsRead, documentsApplied, poisonEventsSkipped, null);
    }

    RebuildStatus failed(Instant now, String why) {
        return new RebuildStatus(State.FAILED, phase, startedAt, now, eventsRead, documentsApplied, poisonEventsSkipped, why);
    }

    boolean running() {
        return state == State.RUNNING;
    }
}
