package net.historyarchive.catalog.outbox.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Moves outbox rows to Kafka. One thread, one dedicated database connection: it holds a
 * session advisory lock (so among catalog replicas exactly one relay is active, and order is
 * never split between two publishers), LISTENs for commits, and otherwise polls as a fallback.
 * A row is marked published only after Kafka acknowledged it; a crash in between republishes it
 * (at-least-once; consumers ignore versions they already have).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Duration STATS_INTERVAL = Duration.ofSeconds(5);
    private static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(10);

    private final AgroalDataSource dataSource;
    private final EventsConfig config;
    private final String bootstrapServers;
    private final ObjectMapper json;
    private final RelayStatus status;
    private final Counter published;
    private final Counter errors;

    private volatile boolean running;
    private Thread thread;
    /** The relay thread's wait before its next attempt; back to the first step after a round that worked. */
    private Duration backoff = FIRST_BACKOFF;

    public OutboxRelay(AgroalDataSource dataSource, EventsConfig config,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       ObjectMapper json, RelayStatus status, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.json = json;
        this.status = status;
        this.published = Counter.builder("outbox.events.published").description("Change events acknowledged by Kafka").register(registry);
        this.errors = Counter.builder("outbox.publish.errors").description("Failed publish rounds").register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.relay().enabled()) {
            LOG.info("Outbox relay disabled (archive.events.relay.enabled=false)");
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            // The loop notices within one poll interval, releases the lock and closes its producer;
            // an interrupt right away would cut the producer's close short. Bounded: 10 s in all.
            thread.join(8_000);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(2_000);
            }
        }
    }

    private void run() {
        while (running) {
            try (Connection connection = dataSource.getConnection();
                 EventPublisher publisher = new EventPublisher(bootstrapServers, config.topic(), config.source(), json)) {
                connection.setAutoCommit(true);
                if (!awaitLeadership(connection)) {
                    return;
                }
                try {
                    TopicSetup.ensureTopic(bootstrapServers, config);
                    OutboxStore.listen(connection);
                    LOG.infof("Outbox relay active, publishing to topic %s", config.topic());
                    relayLoop(connection, publisher);
                } finally {
                    releaseLeadership(connection);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                errors.increment();
                status.failed();
                LOG.warnf(e, "Outbox relay failed; retrying in %d ms", backoff.toMillis());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** Waits until this instance holds the relay lock; false when it stopped first. */
    private boolean awaitLeadership(Connection connection) throws Exception {
        status.standby();
        while (running) {
            if (OutboxStore.tryLock(connection, config.relay().lockKey())) {
                return true;
            }
            sleep(config.relay().pollInterval());
        }
        return false;
    }

    /**
     * Gives the relay lock up explicitly. Closing the connection does not: it goes back to the pool
     * with the session lock still held, and a standby replica would wait for the pool to close it
     * (at shutdown, after the HTTP drain) instead of taking over at once.
     */
    private void releaseLeadership(Connection connection) {
        try {
            OutboxStore.unlock(connection, config.relay().lockKey());
            status.standby();
            LOG.info("Outbox relay stopped and released its lock");
        } catch (SQLException e) {
            // A broken connection: PostgreSQL ends its session, and the session's locks with it.
            LOG.debugf(e, "Could not release the relay lock explicitly");
        }
    }

    private void relayLoop(Connection connection, EventPublisher publisher) throws Exception {
        PGConnection pg = connection.unwrap(PGConnection.class);
        Instant nextStats = Instant.MIN;
        Instant nextCleanup = Instant.now();
        while (running) {
            List<OutboxRow> rows = OutboxStore.fetchUnpublished(connection, config.relay().batchSize());
            if (!rows.isEmpty()) {
                publisher.publish(rows);
                OutboxStore.markPublished(connection, rows);
                published.increment(rows.size());
            }
            status.succeeded();
            backoff = FIRST_BACKOFF; // the next outage starts again from a short wait
            Instant now = Instant.now();
            if (now.isAfter(nextStats)) {
                status.backlog(OutboxStore.backlog(connection));
                nextStats = now.plus(STATS_INTERVAL);
            }
            if (now.isAfter(nextCleanup)) {
                int deleted = OutboxStore.deletePublishedBefore(connection, config.relay().retainPublished());
                if (deleted > 0) {
                    LOG.debugf("Deleted %d published outbox rows", deleted);
                }
                nextCleanup = now.plus(CLEANUP_INTERVAL);
            }
            if (rows.size() < config.relay().batchSize()) {
                // Caught up: sleep until a commit notifies us, or poll after the interval anyway.
                pg.getNotifications((int) config.relay().pollInterval().toMillis());
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
