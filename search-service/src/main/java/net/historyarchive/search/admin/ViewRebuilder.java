package net.historyarchive.search.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import net.historyarchive.search.ingest.ChangeEventConsumer;
import net.historyarchive.search.ingest.DecodedBatch;
import net.historyarchive.search.ingest.IngestConfig;
import net.historyarchive.search.ingest.TopicReplay;
import net.historyarchive.search.view.DocumentViewStore;
import net.historyarchive.search.view.FreshViewTables;
import net.historyarchive.search.view.ViewTables;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Rebuilds the whole view from the beginning of the change topic into fresh tables, while search
 * keeps reading the live ones, then swaps the fresh tables in atomically.
 *
 * <ol>
 * <li>LOADING: fresh, empty copies of the view, lexicon and suggestion tables (primary keys only);
 *     a consumer of its own (no group, manual assignment of every partition) reads the topic from
 *     the beginning up to the end offsets taken at the start, through the same batched store code.</li>
 * <li>INDEXING: the secondary indexes are built in one go, statistics gathered.</li>
 * <li>CATCHING_UP: what arrived meanwhile, up to the current end offsets.</li>
 * <li>SWAPPING: this replica's consumer is paused after its last commit; one more catch-up outside
 *     any lock; then one transaction locks the live tables (readers and writers wait from here,
 *     bounded by archive.rebuild.lock-timeout, retried), reads the topic up to its end offsets
 *     taken <em>under</em> that lock into the fresh tables, drops the live tables, renames the fresh
 *     ones and their indexes to the live names, and commits. The consumer resumes from its last
 *     committed offsets; whatever it replays is ignored by the version check.</li>
 * </ol>
 *
 * Why nothing is lost: anything any consumer (this replica's or another's) applied to the old
 * tables was committed before the lock was granted, so its record lies below the end offsets read
 * under the lock, and the fresh tables get it in the swap transaction itself. Anything applied after
 * the swap lands in the new tables by name. One rebuild at a time across replicas: a session
 * advisory lock, held for the whole rebuild.
 */
@ApplicationScoped
public class ViewRebuilder {

    private static final Logger LOG = Logger.getLogger(ViewRebuilder.class);
    private static final String LOCK_KEY = "hashtext('net.historyarchive.search view rebuild')";
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final AgroalDataSource dataSource;
    private final DocumentViewStore store;
    private final ChangeEventConsumer consumer;
    private final IngestConfig ingestConfig;
    private final RebuildConfig config;
    private final String bootstrapServers;
    private final ObjectMapper json;
    private final Event<RebuildProgress> progress;

    private final AtomicReference<RebuildStatus> status = new AtomicReference<>(RebuildStatus.IDLE);
    private volatile Thread worker;
    private volatile TopicReplay replay;
    private volatile boolean stopping;

    public ViewRebuilder(AgroalDataSource dataSource, DocumentViewStore store, ChangeEventConsumer consumer,
                         IngestConfig ingestConfig, RebuildConfig config,
                         @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                         ObjectMapper json, Event<RebuildProgress> progress) {
        this.dataSource = dataSource;
        this.store = store;
        this.consumer = consumer;
        this.ingestConfig = ingestConfig;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.json = json;
        this.progress = progress;
    }

    /** A rebuild is running already, here or on another replica. */
    public static class AlreadyRunning extends Exception {
        AlreadyRunning(String message) {
            super(message, null, false, false);
        }
    }

    public RebuildStatus status() {
        return status.get();
    }

    /** Starts a rebuild in the background; returns its first status. */
    public synchronized RebuildStatus start() throws AlreadyRunning, SQLException {
        if (status.get().running()) {
            throw new AlreadyRunning("a rebuild of the view is already running on this replica (started "
                    + status.get().startedAt() + ")");
        }
        if (stopping) {
            throw new IllegalStateException("the service is stopping");
        }
        Connection lock = dataSource.getConnection();
        try {
            lock.setAutoCommit(true);
            try (PreparedStatement tryLock = lock.prepareStatement("SELECT pg_try_advisory_lock(" + LOCK_KEY + ")");
                 ResultSet rs = tryLock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new AlreadyRunning("a rebuild of the view is already running on another replica");
                }
            }
        } catch (AlreadyRunning | SQLException | RuntimeException e) {
            lock.close();
            throw e;
        }
        RebuildStatus started = RebuildStatus.started(Instant.now());
        status.set(started);
        Thread thread = new Thread(() -> run(lock), "view-rebuild");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
        return started;
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        TopicReplay current = replay;
        if (current != null) {
            current.wakeup();
        }
        Thread thread = worker;
        if (thread != null) {
            thread.join(15_000);
        }
    }

    private void run(Connection lock) {
        long started = System.nanoTime();
        try (lock; TopicReplay topic = new TopicReplay(bootstrapServers, ingestConfig, config.maxPollRecords(),
                config.maxPartitionFetchBytes(), json)) {
            replay = topic;
            try {
                rebuild(topic);
                update(s -> s.succeeded(Instant.now()));
                LOG.infof("View rebuilt in %.1f s: %s", (System.nanoTime() - started) / 1e9, status.get());
            } catch (Throwable e) {
                String why = stopping && (e instanceof WakeupException || e.getCause() instanceof WakeupException)
                        ? "cancelled: the service is stopping" : e.toString();
                LOG.errorf(e, "View rebuild failed; the live view is unchanged");
                update(s -> s.failed(Instant.now(), why));
                dropFreshTables();
            } finally {
                replay = null;
                unlock(lock);
            }
        } catch (Exception e) {
            LOG.warn("Closing the rebuild's consumer or lock connection failed", e);
        }
    }

    private void rebuild(TopicReplay topic) throws Exception {
        FreshViewTables fresh;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            fresh = FreshViewTables.create(connection);
        }
        enter(RebuildStatus.Phase.LOADING);
        long phaseStart = System.nanoTime();
        topic.readUntil(topic.endOffsets(), batch -> applied(topic, batch, store.apply(ViewTables.REBUILD, batch.events())));
        LOG.infof("Rebuild loaded %d documents from %d records in %.1f s", status.get().documentsApplied(),
                status.get().eventsRead(), (System.nanoTime() - phaseStart) / 1e9);

        enter(RebuildStatus.Phase.INDEXING);
        phaseStart = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            fresh.createIndexesAndAnalyze(connection);
        }
        LOG.infof("Rebuild indexed the fresh tables in %.1f s", (System.nanoTime() - phaseStart) / 1e9);

        enter(RebuildStatus.Phase.CATCHING_UP);
        topic.readUntil(topic.endOffsets(), batch -> applied(topic, batch, store.apply(ViewTables.REBUILD, batch.events())));

        enter(RebuildStatus.Phase.SWAPPING);
        if (!consumer.pauseAtSafePoint(config.pauseTimeout())) {
            throw new IllegalStateException("the change event consumer did not reach a safe point within " + config.pauseTimeout());
        }
        try {
            swap(topic, fresh);
        } finally {
            consumer.resume();
        }
    }

    private void swap(TopicReplay topic, FreshViewTables fresh) throws Exception {
        for (int attempt = 1; ; attempt++) {
            topic.readUntil(topic.endOffsets(), batch -> applied(topic, batch, store.apply(ViewTables.REBUILD, batch.events())));
            Map<TopicPartition, Long> before = topic.positions();
            long[] pending = new long[1];
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    long lockStart = System.nanoTime();
                    FreshViewTables.lockLive(connection, config.lockTimeout().toMillis());
                    topic.readUntil(topic.endOffsets(), batch -> pending[0] += store.apply(connection, ViewTables.REBUILD, batch.events()));
                    fresh.swap(connection);
                    connection.commit();
                    update(s -> s.progress(topic.recordsRead(), s.documentsApplied() + pending[0], topic.poisonSkipped()));
                    LOG.infof("Rebuild swapped the fresh tables in; live tables locked for %.0f ms",
                            (System.nanoTime() - lockStart) / 1e6);
                    return;
                } catch (Exception e) {
                    connection.rollback();
                    topic.rewind(before); // what was read under the lock was rolled back with it
                    if (e instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState()) && attempt < config.swapAttempts()) {
                        LOG.infof("Rebuild swap attempt %d could not lock the live tables within %s; retrying", attempt, config.lockTimeout());
                        continue;
                    }
                    throw e;
                }
            }
        }
    }

    private void applied(TopicReplay topic, DecodedBatch batch, int changed) {
        update(s -> s.progress(topic.recordsRead(), s.documentsApplied() + changed, topic.poisonSkipped()));
    }

    private void enter(RebuildStatus.Phase phase) {
        update(s -> s.phase(phase));
        progress.fire(new RebuildProgress(phase));
    }

    private void update(UnaryOperator<RebuildStatus> change) {
        status.updateAndGet(change);
    }

    private void dropFreshTables() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            FreshViewTables.drop(connection);
        } catch (SQLException e) {
            LOG.warn("Could not drop the fresh tables of the failed rebuild (the next rebuild drops them)", e);
        }
    }

    private static void unlock(Connection lock) {
        // Closing only returns the connection to the pool; the session, and its lock, would live on.
        try (PreparedStatement unlock = lock.prepareStatement("SELECT pg_advisory_unlock(" + LOCK_KEY + ")")) {
            unlock.execute();
        } catch (SQLException e) {
            LOG.warn("Could not release the rebuild's advisory lock", e);
        }
    }
}
