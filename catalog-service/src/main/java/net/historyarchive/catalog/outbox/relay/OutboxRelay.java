package net.historyarchive.catalog.outbox.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import net.historyarchive.catalog.outbox.EventLane;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Moves outbox rows to Kafka: one {@link LaneRelay} per {@link EventLane}, each on its own thread,
 * connection, lock and topic, so that a million queued import events never delay an
 * archivist's edit.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final AgroalDataSource dataSource;
    private final EventsConfig config;
    private final String bootstrapServers;
    private final ObjectMapper json;
    private final RelayStatus status;
    private final MeterRegistry registry;
    private final PublishTracing tracing;

    private volatile boolean running;
    private final List<Thread> threads = new ArrayList<>();

    public OutboxRelay(AgroalDataSource dataSource, EventsConfig config,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       ObjectMapper json, RelayStatus status, MeterRegistry registry, Tracer tracer) {
        this.dataSource = dataSource;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.json = json;
        this.status = status;
        this.registry = registry;
        this.tracing = new PublishTracing(tracer);
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.relay().enabled()) {
            LOG.info("Outbox relay disabled (archive.events.relay.enabled=false)");
            return;
        }
        running = true;
        for (EventLane lane : EventLane.values()) {
            Counter published = Counter.builder("outbox.events.published").tag("lane", lane.label())
                    .description("Change events acknowledged by Kafka").register(registry);
            Counter errors = Counter.builder("outbox.publish.errors").tag("lane", lane.label())
                    .description("Failed publish rounds").register(registry);
            Thread thread = new Thread(new LaneRelay(lane, dataSource, config, bootstrapServers, json, status, registry,
                    published, errors, () -> running, tracing), "outbox-relay-" + lane.label());
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        // Each loop notices within one poll interval, releases its lock and closes its producer; an
        // interrupt right away would cut the producer's close short. Bounded: 10 s in all.
        long deadline = System.nanoTime() + 8_000_000_000L;
        for (Thread thread : threads) {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(1_000);
            }
        }
    }
}
