package net.historyarchive.catalog.outbox.relay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import net.historyarchive.catalog.outbox.EventLane;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** What each lane's relay last did, shared with metrics (tagged by lane) and the readiness check. */
@ApplicationScoped
public class RelayStatus {

    private static final class Lane {
        volatile boolean active;
        volatile Instant failingSince;
        volatile long backlogRows;
        volatile double backlogAgeSeconds;
    }

    private final Map<EventLane, Lane> lanes = new EnumMap<>(EventLane.class);

    public RelayStatus(MeterRegistry registry) {
        for (EventLane lane : EventLane.values()) {
            Lane state = new Lane();
            lanes.put(lane, state);
            Gauge.builder("outbox.backlog.rows", state, s -> s.backlogRows).tag("lane", lane.label())
                    .description("Outbox rows not yet published").register(registry);
            Gauge.builder("outbox.backlog.oldest.age.seconds", state, s -> s.backlogAgeSeconds).tag("lane", lane.label())
                    .description("Age of the oldest unpublished outbox row").register(registry);
            Gauge.builder("outbox.relay.active", state, s -> s.active ? 1 : 0).tag("lane", lane.label())
                    .description("1 on the replica whose relay holds the lane's lock").register(registry);
        }
    }

    void standby(EventLane lane) {
        lanes.get(lane).active = false;
    }

    /** A round of the lane's relay loop completed, with or without rows to publish. */
    void succeeded(EventLane lane) {
        Lane state = lanes.get(lane);
        state.active = true;
        state.failingSince = null;
    }

    void failed(EventLane lane) {
        Lane state = lanes.get(lane);
        state.active = false;
        if (state.failingSince == null) {
            state.failingSince = Instant.now();
        }
    }

    void backlog(EventLane lane, OutboxStore.Backlog backlog) {
        Lane state = lanes.get(lane);
        state.backlogRows = backlog.rows();
        state.backlogAgeSeconds = backlog.oldestAgeSeconds();
    }

    /** @return since when some lane's relay has failed without a success since, or null when all are fine */
    public Instant failingSince() {
        return lanes.values().stream().map(s -> s.failingSince).filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
    }
}
