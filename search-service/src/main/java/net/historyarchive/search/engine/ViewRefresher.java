package net.historyarchive.search.engine;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.opensearch.client.opensearch.OpenSearchClient;

import java.time.Duration;

/**
 * Makes changes written with {@link ViewWriter.Visibility#SOON} searchable: one refresh of the live
 * view at a time, started as soon as the previous one ended, covering everything written before it
 * started. The writer does not wait for it, so an archivist's edits are applied back to back while a
 * refresh runs, and refreshes follow the node's own pace instead of the number of batches (measured
 * in docs/benchmarks.md, freshness at 1,000,000 documents: a refresh per interactive batch cost the
 * node about 0.5 s each and the lane fell behind at 200 writes/s).
 */
@ApplicationScoped
public class ViewRefresher {

    private static final Logger LOG = Logger.getLogger(ViewRefresher.class);
    /** After a failed refresh (the node restarting), before the next try. */
    private static final Duration RETRY_AFTER = Duration.ofMillis(500);

    private final OpenSearchClient client;
    private final ViewIndexes indexes;
    private final SpellingMemory spellingMemory;
    private final Thread worker;
    private boolean requested;
    private boolean stopped;

    public ViewRefresher(OpenSearchClients clients, ViewIndexes indexes, SpellingMemory spellingMemory) {
        this.client = clients.typed();
        this.indexes = indexes;
        this.spellingMemory = spellingMemory;
        this.worker = new Thread(this::refreshWhileRequested, "view-refresher");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Something was written to the live view: refresh it soon. */
    public synchronized void request() {
        requested = true;
        notifyAll();
    }

    @PreDestroy
    synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    private void refreshWhileRequested() {
        while (awaitRequest()) {
            try {
                client.indices().refresh(r -> r.index(indexes.alias()));
                spellingMemory.viewChanged(Duration.ZERO);
            } catch (Exception e) {
                LOG.warnf("Could not refresh the search view (%s); trying again", e.toString());
                request();
                pause();
            }
        }
    }

    /** Waits for a request and takes it; false once stopped. */
    private synchronized boolean awaitRequest() {
        while (!requested && !stopped) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        requested = false;
        return !stopped;
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_AFTER.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
