package net.historyarchive.search.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** How fresh the view is: shared by the consumer, the metrics and the freshness endpoint. */
@ApplicationScoped
public class IngestStatus {

    private volatile long lag = -1;
    private volatile Instant lastAppliedAt;
    private volatile Instant lastEventTime;
    private final Counter applied;
    private final Counter deadLettered;

    public IngestStatus(MeterRegistry registry) {
        Gauge.builder("search.consumer.lag", this, s -> s.lag).description("Events on the topic not yet applied (-1 unknown)").register(registry);
        Gauge.builder("search.view.last.applied.age.seconds", this,
                        s -> s.lastAppliedAt == null ? -1 : (Instant.now().toEpochMilli() - s.lastAppliedAt.toEpochMilli()) / 1000.0)
                .description("Seconds since the view last applied an event").register(registry);
        applied = Counter.builder("search.events.applied").description("Change events applied to the view").register(registry);
        deadLettered = Counter.builder("search.events.dead.lettered").description("Events sent to the dead-letter topic").register(registry);
    }

    void applied(int events, Instant newestEventTime) {
        applied.increment(events);
        lastAppliedAt = Instant.now();
        if (newestEventTime != null && (lastEventTime == null || newestEventTime.isAfter(lastEventTime))) {
            lastEventTime = newestEventTime;
        }
    }

    void deadLettered() {
        deadLettered.increment();
    }

    void lag(long events) {
        lag = events;
    }

    public long lag() {
        return lag;
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
