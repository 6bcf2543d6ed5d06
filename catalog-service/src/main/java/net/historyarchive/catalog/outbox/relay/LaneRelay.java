package net.historyarchive.catalog.outbox.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.historyarchive.catalog.outbox.EventLane;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Moves one lane's outbox rows to the lane's topic. One thread, one dedicated database
 * connection: it holds the lane's session advisory lock (so among catalog replicas exactly one
 * relay publishes a lane, and its order is never split between two publishers), LISTENs for
 * commits, and otherwise polls as a fallback. A row is marked published only after Kafka
 * acknowledged it; a crash in between republishes it (at-least-once; consumers ignore versions
 * they already have).
 */
final class LaneRelay implements Runnable {

    private static final Logger LOG = Logger.getLogger(LaneRelay.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Duration STATS_INTERVAL = Duration.ofSeconds(5);
    private static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(10);

    private final EventLane lane;
    private final AgroalDataSource dataSource;
    private final EventsConfig config;
    private final String bootstrapServers;
    private final ObjectMapper json;
    private final RelayStatus status;
    private final MeterRegistry registry;
    private final Counter published;
    private final Counter errors;
    private final BooleanSupplier running;
    private final PublishTracing tracing;
    /** The wait before the next attempt; back to the first step after a round that worked. */
    private Duration backoff = FIRST_BACKOFF;

    LaneRelay(EventLane lane, AgroalDataSource dataSource, EventsConfig config, String bootstrapServers, ObjectMapper json,
              RelayStatus status, MeterRegistry registry, Counter published, Counter errors, BooleanSupplier running,
              PublishTracing tracing) {
        this.lane = lane;
        this.dataSource = dataSource;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.json = json;
        this.status = status;
        this.registry = registry;
        this.published = published;
        this.errors = errors;
        this.running = running;
        this.tracing = tracing;
    }

    @Override
    public void run() {
        String topic = TopicSetup.topicOf(config, lane);
        while (running.getAsBoolean()) {
            try (Connection connection = dataSource.getConnection();
                 EventPublisher publisher = new EventPublisher(bootstrapServers, topic, config.source(), json, registry, tracing)) {
                connection.setAutoCommit(true);
                if (!awaitLeadership(connection)) {
                    return;
                }
                try {
                    TopicSetup.ensureTopic(bootstrapServers, config, topic);
                    OutboxStore.listen(connection);
                    LOG.infof("Outbox relay active for the %s lane, publishing to topic %s", lane.label(), topic);
                    relayLoop(connection, publisher);
                } finally {
                    releaseLeadership(connection);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running.getAsBoolean()) {
                    return;
                }
                errors.increment();
                status.failed(lane);
                LOG.warnf(e, "Outbox relay (%s lane) failed; retrying in %d ms", lane.label(), backoff.toMillis());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private long lockKey() {
        return config.relay().lockKey() + lane.ordinal();
    }

    /** Waits until this instance holds the lane's relay lock; false when it stopped first. */
    private boolean awaitLeadership(Connection connection) throws Exception {
        status.standby(lane);
        while (running.getAsBoolean()) {
            if (OutboxStore.tryLock(connection, lockKey())) {
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
            OutboxStore.unlock(connection, lockKey());
            status.standby(lane);
            LOG.infof("Outbox relay (%s lane) stopped and released its lock", lane.label());
        } catch (SQLException e) {
            // A broken connection: PostgreSQL ends its session, and the session's locks with it.
            LOG.debugf(e, "Could not release the relay lock explicitly");
        }
    }

    private void relayLoop(Connection connection, EventPublisher publisher) throws Exception {
        PGConnection pg = connection.unwrap(PGConnection.class);
        Instant nextStats = Instant.MIN;
        Instant nextCleanup = Instant.now();
        while (running.getAsBoolean()) {
            List<OutboxRow> rows = OutboxStore.fetchUnpublished(connection, lane, config.relay().batchSize());
            if (!rows.isEmpty()) {
                publisher.publish(rows);
                OutboxStore.markPublished(connection, rows);
                published.increment(rows.size());
            }
            status.succeeded(lane);
            backoff = FIRST_BACKOFF; // the next outage starts again from a short wait
            Instant now = Instant.now();
            if (now.isAfter(nextStats)) {
                status.backlog(lane, OutboxStore.backlog(connection, lane));
                nextStats = now.plus(STATS_INTERVAL);
            }
            // One lane's relay cleans up for both: the bulk one, so that deleting the rows of yesterday's
            // million-document import never holds up an archivist's edit.
            if (lane == EventLane.BULK && now.isAfter(nextCleanup)) {
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
