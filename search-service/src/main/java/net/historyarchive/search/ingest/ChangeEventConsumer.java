package net.historyarchive.search.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import net.historyarchive.search.engine.ViewWriter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.EnumMap;
import java.util.Map;

/**
 * Reads the catalog's change events into the view: one {@link LaneConsumer} per {@link EventLane},
 * each on its own thread and consumer group, the interactive lane with priority (see
 * {@link LanePriority}), so an edit is searchable while a million-document import is still flowing.
 */
@ApplicationScoped
public class ChangeEventConsumer {

    private final IngestConfig config;
    private final Map<EventLane, LaneConsumer> lanes = new EnumMap<>(EventLane.class);
    private final Map<EventLane, Thread> threads = new EnumMap<>(EventLane.class);

    public ChangeEventConsumer(IngestConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                               ViewWriter view, ObjectMapper json, IngestStatus status, MeterRegistry registry, Tracer tracer) {
        this.config = config;
        LanePriority priority = new LanePriority();
        ApplyTracing tracing = new ApplyTracing(tracer);
        for (EventLane lane : EventLane.values()) {
            // A decoder per lane: the schema validators are not shared between threads.
            lanes.put(lane, new LaneConsumer(lane, config, bootstrapServers, view, new EventDecoder(json), status, priority, registry, tracing));
        }
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        lanes.forEach((lane, consumer) -> {
            Thread thread = new Thread(consumer, "change-event-consumer-" + lane.label());
            thread.setDaemon(true);
            thread.start();
            threads.put(lane, thread);
        });
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        lanes.values().forEach(LaneConsumer::stop);
        for (Thread thread : threads.values()) {
            thread.join(10_000);
        }
    }

    /** Whether both lanes' consumers run and are subscribed (or consuming is switched off). */
    public boolean healthy() {
        return !config.enabled() || lanes.values().stream().allMatch(LaneConsumer::healthy);
    }
}
