package net.historyarchive.search.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * How fresh the view is, per lane and in all: shared by the consumers, the metrics (tagged with
 * the lane) and the freshness endpoint.
 */
@ApplicationScoped
public class IngestStatus {

    /** One lane's state. */
    private static final class Lane {
        volatile long lag = -1;
        /** Kafka time of the oldest event read but not applied yet, or of the last applied while more wait; null when none waits. */
        volatile Instant oldestWaiting;
        Counter applied;

        double oldestWaitingAgeSeconds() {
            Instant since = oldestWaiting;
            return since == null ? 0 : Math.max(0, (Instant.now().toEpochMilli() - since.toEpochMilli()) / 1000.0);
        }
    }

    private final Map<EventLane, Lane> lanes = new EnumMap<>(EventLane.class);
    private volatile Instant lastAppliedAt;
    private volatile Instant lastEventTime;
    private final Counter deadLettered;

    public IngestStatus(MeterRegistry registry) {
        for (EventLane lane : EventLane.values()) {
            Lane state = new Lane();
            lanes.put(lane, state);
            Gauge.builder("search.consumer.lag", state, s -> s.lag).tag("lane", lane.label())
                    .description("Events on the lane's topic not yet applied (-1 unknown)").register(registry);
            Gauge.builder("search.consumer.oldest.waiting.age.seconds", state, Lane::oldestWaitingAgeSeconds).tag("lane", lane.label())
                    .description("How long the oldest event of the lane not yet applied has waited at most (0 when none waits)")
                    .register(registry);
            state.applied = Counter.builder("search.events.applied").tag("lane", lane.label())
                    .description("Change events applied to the view").register(registry);
        }
        Gauge.builder("search.view.last.applied.age.seconds", this,
                        s -> s.lastAppliedAt == null ? -1 : (Instant.now().toEpochMilli() - s.lastAppliedAt.toEpochMilli()) / 1000.0)
                .description("Seconds since the view last applied an event").register(registry);
        deadLettered = Counter.builder("search.events.dead.lettered").description("Events sent to the dead-letter topic").register(registry);
    }

    /** A lane read a batch whose oldest event has this Kafka timestamp. */
    void polled(EventLane lane, long oldestTimestamp) {
        Lane state = lanes.get(lane);
        Instant oldest = Instant.ofEpochMilli(oldestTimestamp);
        if (state.oldestWaiting == null || oldest.isBefore(state.oldestWaiting)) {
            state.oldestWaiting = oldest;
        }
    }

    void applied(EventLane lane, int events, Instant newestEventTime) {
        Lane state = lanes.get(lane);
        state.applied.increment(events);
        state.oldestWaiting = newestEventTime; // what waits now is newer than this; cleared when the lag reads 0
        lastAppliedAt = Instant.now();
        if (newestEventTime != null && (lastEventTime == null || newestEventTime.isAfter(lastEventTime))) {
            lastEventTime = newestEventTime;
        }
    }

    void deadLettered() {
        deadLettered.increment();
    }

    void lag(EventLane lane, long events) {
        Lane state = lanes.get(lane);
        state.lag = events;
        if (events == 0) {
            state.oldestWaiting = null;
        }
    }

    /** Events not yet applied over both lanes; -1 while some lane's is unknown. */
    public long lag() {
        long total = 0;
        for (Lane state : lanes.values()) {
            if (state.lag < 0) {
                return -1;
            }
            total += state.lag;
        }
        return total;
    }

    public long lag(EventLane lane) {
        return lanes.get(lane).lag;
    }

    public double oldestWaitingAgeSeconds(EventLane lane) {
        return lanes.get(lane).oldestWaitingAgeSeconds();
    }

    public double appliedCount(EventLane lane) {
        return lanes.get(lane).applied.count();
    }

    public Instant lastAppliedAt() {
        return lastAppliedAt;
    }

    /** Kafka timestamp of the newest event applied: the catalog change the view has caught up with. */
    public Instant lastEventTime() {
        return lastEventTime;
    }

    public double deadLetteredCount() {
        return deadLettered.count();
    }
}
