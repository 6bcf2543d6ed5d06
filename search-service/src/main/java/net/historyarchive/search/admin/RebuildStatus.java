package net.historyarchive.search.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;

/** Where the latest rebuild of the view stands, as every replica sees it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "RebuildStatus", description = "The latest rebuild of the search view, whichever replica runs or ran it.")
public record RebuildStatus(
        @Schema(description = "IDLE (none yet), RUNNING, SUCCEEDED or FAILED.") State state,
        @Schema(description = "While running: LOADING (reading the topic into a new index generation), CATCHING_UP "
                + "(what arrived meanwhile), SWITCHING (the alias moves to the new generation, then the events of the switch "
                + "itself are replayed into it).") Phase phase,
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "Records read from the topic.") long eventsRead,
        @Schema(description = "Documents written to the new generation (an event older than one already applied writes none).")
        long documentsApplied,
        @Schema(description = "Records that are not valid change events, skipped (the regular consumer dead-letters them).")
        long poisonEventsSkipped,
        @Schema(description = "Why the rebuild failed; the live view is unchanged then.") String error,
        @Schema(description = "The replica that runs or ran the rebuild.") String runningOn,
        @Schema(description = "The index generation being built.") String generation,
        @Schema(description = "When the replica running it last reported progress.") Instant heartbeatAt) {

    public enum State { IDLE, RUNNING, SUCCEEDED, FAILED }

    public enum Phase { LOADING, CATCHING_UP, SWITCHING }

    static final RebuildStatus IDLE = new RebuildStatus(State.IDLE, null, null, null, 0, 0, 0, null, null, null, null);

    static RebuildStatus started(Instant now, String replica, String generation) {
        return new RebuildStatus(State.RUNNING, Phase.LOADING, now, null, 0, 0, 0, null, replica, generation, now);
    }

    RebuildStatus phase(Phase next) {
        return new RebuildStatus(state, next, startedAt, finishedAt, eventsRead, documentsApplied, poisonEventsSkipped, error,
                runningOn, generation, Instant.now());
    }

    RebuildStatus progress(long read, long applied, long poison) {
        return new RebuildStatus(state, phase, startedAt, finishedAt, read, applied, poison, error, runningOn, generation, Instant.now());
    }

    RebuildStatus succeeded(Instant now) {
        return new RebuildStatus(State.SUCCEEDED, null, startedAt, now, eventsRead, documentsApplied, poisonEventsSkipped, null,
                runningOn, generation, now);
    }

    RebuildStatus failed(Instant now, String why) {
        return new RebuildStatus(State.FAILED, phase, startedAt, now, eventsRead, documentsApplied, poisonEventsSkipped, why,
                runningOn, generation, now);
    }

    boolean running() {
        return state == State.RUNNING;
    }

    /** Running, but its replica has not reported for longer than {@code silence}: it stopped or died. */
    boolean abandoned(Duration silence) {
        return running() && heartbeatAt != null && heartbeatAt.plus(silence).isBefore(Instant.now());
    }
}
