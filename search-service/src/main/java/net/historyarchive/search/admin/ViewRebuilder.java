package net.historyarchive.search.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import net.historyarchive.search.engine.AdminDocuments;
import net.historyarchive.search.engine.ViewIndexes;
import net.historyarchive.search.engine.ViewWriter;
import net.historyarchive.search.ingest.DecodedBatch;
import net.historyarchive.search.ingest.IngestConfig;
import net.historyarchive.search.ingest.TopicReplay;
import net.historyarchive.search.view.ApplyResult;
import org.apache.kafka.common.errors.WakeupException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Rebuilds the view from the beginning of the change topic into a new index generation while
 * searches keep reading the live one, then moves the alias.
 *
 * <ol>
 * <li>LOADING: a consumer of its own (no group) reads the topic from the beginning up to the end
 *     offsets taken at the start into the new generation (no refresh, no replicas meanwhile).</li>
 * <li>CATCHING_UP: the generation gets its serving settings; what arrived meanwhile is read.</li>
 * <li>SWITCHING: the alias moves to the new generation in one atomic request; then the topic is
 *     read once more, up to end offsets taken <em>after</em> the switch.</li>
 * </ol>
 *
 * Why nothing is lost, with any number of replicas consuming meanwhile: an event applied through
 * the alias before the switch went to the old generation, but it was on the topic before the
 * switch, so the read after the switch brings it into the new one; an event applied after the
 * switch lands in the new generation directly. Events applied twice are harmless (versions).
 * The status lives in OpenSearch, shared by every replica; the claim on it is compare-and-set,
 * so one rebuild runs at a time across replicas.
 */
@ApplicationScoped
public class ViewRebuilder {

    private static final Logger LOG = Logger.getLogger(ViewRebuilder.class);
    private static final String STATUS_ID = "rebuild";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final ViewIndexes indexes;
    private final ViewWriter writer;
    private final AdminDocuments shared;
    private final IngestConfig ingestConfig;
    private final RebuildConfig config;
    private final String bootstrapServers;
    private final ObjectMapper json;
    private final Event<RebuildProgress> progress;
    private final String replica = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

    private volatile Thread worker;
    private volatile TopicReplay replay;
    private volatile boolean stopping;
    /** This replica's rebuild and its last write to the shared status (null when none runs here). */
    private volatile RebuildStatus current;
    private volatile AdminDocuments.Versioned written;
    private volatile long lastReport;

    public ViewRebuilder(ViewIndexes indexes, ViewWriter writer, AdminDocuments shared, IngestConfig ingestConfig,
                         RebuildConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                         ObjectMapper json, Event<RebuildProgress> progress) {
        this.indexes = indexes;
        this.writer = writer;
        this.shared = shared;
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

    /** The latest rebuild, whichever replica runs it; a running one whose replica fell silent shows as FAILED. */
    public RebuildStatus status() throws IOException {
        Optional<AdminDocuments.Versioned> stored = shared.get(STATUS_ID);
        if (stored.isEmpty()) {
            return RebuildStatus.IDLE;
        }
        RebuildStatus status = JSON.treeToValue(stored.get().document(), RebuildStatus.class);
        if (status.abandoned(config.abandonedAfter())) {
            return status.failed(status.heartbeatAt(), "abandoned: replica " + status.runningOn() + " stopped reporting at "
                    + status.heartbeatAt() + " (it stopped or died); the live view is unchanged");
        }
        return status;
    }

    /** Starts a rebuild in the background; returns its first status. */
    public synchronized RebuildStatus start() throws AlreadyRunning, IOException {
        if (stopping) {
            throw new IllegalStateException("the service is stopping");
        }
        Optional<AdminDocuments.Versioned> stored = shared.get(STATUS_ID);
        if (stored.isPresent()) {
            RebuildStatus previous = JSON.treeToValue(stored.get().document(), RebuildStatus.class);
            if (previous.running() && !previous.abandoned(config.abandonedAfter())) {
                throw new AlreadyRunning("a rebuild of the view is already running on replica " + previous.runningOn()
                        + " (started " + previous.startedAt() + ")");
            }
        }
        String generation = indexes.createGeneration();
        RebuildStatus started = RebuildStatus.started(Instant.now(), replica, generation);
        Optional<AdminDocuments.Versioned> claimed = shared.compareAndSet(STATUS_ID, JSON.valueToTree(started), stored);
        if (claimed.isEmpty()) {
            indexes.delete(generation);
            throw new AlreadyRunning("another replica started a rebuild of the view at the same moment");
        }
        current = started;
        written = claimed.get();
        removeAbandonedGenerations(generation);
        Thread thread = new Thread(() -> run(generation), "view-rebuild");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
        return started;
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        TopicReplay topic = replay;
        if (topic != null) {
            topic.wakeup();
        }
        Thread thread = worker;
        if (thread != null) {
            thread.join(15_000);
        }
    }

    private void run(String generation) {
        long started = System.nanoTime();
        try (TopicReplay topic = new TopicReplay(bootstrapServers, ingestConfig, config.maxPollRecords(),
                config.maxPartitionFetchBytes(), json)) {
            replay = topic;
            try {
                rebuild(topic, generation);
                report(s -> s.succeeded(Instant.now()), true);
                LOG.infof("View rebuilt into %s in %.1f s: %s", generation, (System.nanoTime() - started) / 1e9, current);
            } catch (Throwable e) {
                String why = stopping && (e instanceof WakeupException || e.getCause() instanceof WakeupException)
                        ? "cancelled: the service is stopping" : e.toString();
                LOG.errorf(e, "View rebuild failed; the live view is unchanged");
                report(s -> s.failed(Instant.now(), why), true);
                dropUnlessLive(generation);
            } finally {
                replay = null;
                current = null;
            }
        } catch (Exception e) {
            LOG.warn("Closing the rebuild's consumer failed", e);
        }
    }

    private void rebuild(TopicReplay topic, String generation) throws Exception {
        enter(RebuildStatus.Phase.LOADING);
        long phaseStart = System.nanoTime();
        topic.readUntil(topic.endOffsets(), batch -> apply(topic, generation, batch, ViewWriter.Visibility.NEXT_REFRESH));
        LOG.infof("Rebuild loaded %d documents from %d records in %.1f s", current.documentsApplied(), current.eventsRead(),
                (System.nanoTime() - phaseStart) / 1e9);

        enter(RebuildStatus.Phase.CATCHING_UP);
        indexes.finishLoading(generation);
        // From here on the generation is about to serve: what it catches up is searchable when the alias moves.
        topic.readUntil(topic.endOffsets(), batch -> apply(topic, generation, batch, ViewWriter.Visibility.IMMEDIATE));

        enter(RebuildStatus.Phase.SWITCHING);
        Optional<String> previous = indexes.liveIndex();
        indexes.switchTo(generation);
        topic.readUntil(topic.endOffsets(), batch -> apply(topic, generation, batch, ViewWriter.Visibility.IMMEDIATE));
        if (previous.isPresent() && !previous.get().equals(generation)) {
            indexes.delete(previous.get());
        }
    }

    private void apply(TopicReplay topic, String generation, DecodedBatch batch, ViewWriter.Visibility visibility) throws IOException {
        ApplyResult result = writer.apply(generation, batch.events(), visibility);
        // A document the engine refuses was (or will be) dead-lettered by the live consumer; counted here only.
        report(s -> s.progress(topic.recordsRead(), s.documentsApplied() + result.applied(),
                topic.poisonSkipped() + result.rejected().size()), false);
    }

    private void enter(RebuildStatus.Phase phase) {
        report(s -> s.phase(phase), true);
        progress.fire(new RebuildProgress(phase));
    }

    /** Updates this rebuild's status; writes it to the shared status at most once per progress interval unless forced. */
    private void report(UnaryOperator<RebuildStatus> change, boolean force) {
        current = change.apply(current);
        long now = System.nanoTime();
        if (!force && now - lastReport < config.progressInterval().toNanos()) {
            return;
        }
        lastReport = now;
        try {
            Optional<AdminDocuments.Versioned> next = shared.compareAndSet(STATUS_ID, JSON.valueToTree(current), Optional.of(written));
            if (next.isEmpty()) {
                throw new IllegalStateException("another replica took over the rebuild status (this replica was silent too long)");
            }
            written = next.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Generations left behind by rebuilds whose replica died: neither live nor the one being built. */
    private void removeAbandonedGenerations(String building) throws IOException {
        Optional<String> live = indexes.liveIndex();
        for (String generation : indexes.generations()) {
            if (!generation.equals(building) && !live.map(generation::equals).orElse(false)) {
                LOG.infof("Removing the index generation %s left by an earlier rebuild", generation);
                indexes.delete(generation);
            }
        }
    }

    private void dropUnlessLive(String generation) {
        try {
            if (!indexes.liveIndex().map(generation::equals).orElse(false)) {
                indexes.delete(generation);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove the failed rebuild's index generation (the next rebuild removes it)", e);
        }
    }
}
