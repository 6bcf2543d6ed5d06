package net.historyarchive.search.engine;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import net.historyarchive.search.view.ApplyResult;
import net.historyarchive.search.view.ChangeEvent;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Writes change events to a view index in bulk requests, each document with the event's version
 * as its external version: OpenSearch keeps a document only if the incoming version is higher
 * than the stored one, so duplicates, stale and out-of-order events are refused by the engine
 * itself (409), without reading anything first. Deletions are tombstones with their version.
 * A batch goes out as requests of at most {@link OpenSearchConfig#bulkRequestDocuments()}, up to
 * {@link OpenSearchConfig#bulkConcurrency()} at once, so that the node indexes it on several write
 * threads; the batch counts as applied only when all are. A batch applied with
 * {@link Visibility#IMMEDIATE} is searchable when this returns, one applied with
 * {@link Visibility#SOON} after the refresh {@link ViewRefresher} starts at once, others after the
 * next periodic refresh of the index.
 */
@ApplicationScoped
public class ViewWriter {

    /** When applied changes become searchable. */
    public enum Visibility {
        /** Refreshed as part of the write: found by the next search (rebuild catch-up, repairs). */
        IMMEDIATE,
        /**
         * By the live view's next refresh, which {@link ViewRefresher} starts at once (an archivist's
         * edit): searchable within about one refresh, without the writer waiting for it.
         */
        SOON,
        /** At the index's next periodic refresh: bulk work, where refreshing per batch would cost more than indexing. */
        NEXT_REFRESH
    }

    private final OpenSearchClient client;
    private final ViewIndexes indexes;
    private final int partSize;
    private final ExecutorService senders;
    private final NameVariantsStore names;
    private final SpellingMemory spellingMemory;
    private final ViewRefresher refresher;
    /** Bulk work is searchable after the next periodic refresh; twice the interval leaves room for a late one. */
    private final Duration searchableAfterRefresh;

    public ViewWriter(OpenSearchClients clients, ViewIndexes indexes, OpenSearchConfig config, NameVariantsStore names,
                      SpellingMemory spellingMemory, ViewRefresher refresher) {
        this.client = clients.typed();
        this.refresher = refresher;
        this.indexes = indexes;
        this.names = names;
        this.spellingMemory = spellingMemory;
        this.searchableAfterRefresh = config.refreshInterval().multipliedBy(2);
        this.partSize = Math.max(1, config.bulkRequestDocuments());
        this.senders = Executors.newFixedThreadPool(Math.max(1, config.bulkConcurrency()), runnable -> {
            Thread thread = new Thread(runnable, "view-bulk-writer");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }

    /** Confirmed once the alias exists: writing to a missing alias would create a stray index with guessed mappings. */
    private volatile boolean aliasReady;

    /** Applies to the live view (the alias), creating the first generation if there is none yet. */
    public ApplyResult apply(Collection<ChangeEvent> events, Visibility visibility) throws IOException {
        if (!aliasReady) {
            indexes.ensureLive();
            aliasReady = true;
        }
        return apply(indexes.alias(), events, visibility);
    }

    /**
     * Applies to the given index or alias and returns once OpenSearch acknowledged every item.
     * Parts of a batch are indexed in no particular order; the external versions make the result
     * the same (only the applied/stale counts of a batch holding one document twice may differ).
     *
     * @throws EngineUnavailable when the cluster refused part of the batch for a reason that may
     *                           pass (overload, a shard not available): nothing is lost by retrying
     *                           the whole batch, since versions make reapplying harmless
     */
    public ApplyResult apply(String target, Collection<ChangeEvent> events, Visibility visibility) throws IOException {
        if (events.isEmpty()) {
            return new ApplyResult(0, 0, List.of());
        }
        List<List<ChangeEvent>> parts = split(List.copyOf(events));
        if (parts.size() == 1) {
            return send(target, parts.get(0), visibility);
        }
        // several parts: one refresh after all of them, not one per part (each costs the node a segment)
        List<CompletableFuture<ApplyResult>> sent = parts.stream()
                .map(part -> CompletableFuture.supplyAsync(() -> sendUnchecked(target, part, Visibility.NEXT_REFRESH), senders))
                .toList();
        ApplyResult total = new ApplyResult(0, 0, List.of());
        for (CompletableFuture<ApplyResult> part : sent) {
            total = total.plus(awaitPart(part));
        }
        if (visibility == Visibility.IMMEDIATE) {
            client.indices().refresh(r -> r.index(target));
            spellingMemory.viewChanged(Duration.ZERO);
        }
        return total;
    }

    /** Parts of at most partSize, as even as possible (1,001 events make 5 parts of about 200, not 4 of 250 and one of 1). */
    private List<List<ChangeEvent>> split(List<ChangeEvent> events) {
        int parts = (events.size() + partSize - 1) / partSize;
        int size = (events.size() + parts - 1) / parts;
        List<List<ChangeEvent>> split = new ArrayList<>(parts);
        for (int from = 0; from < events.size(); from += size) {
            split.add(events.subList(from, Math.min(events.size(), from + size)));
        }
        return split;
    }

    private static ApplyResult awaitPart(CompletableFuture<ApplyResult> part) throws IOException {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while OpenSearch indexed a batch");
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() instanceof UncheckedIOException io ? io.getCause() : e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        }
    }

    private ApplyResult sendUnchecked(String target, List<ChangeEvent> events, Visibility visibility) {
        try {
            return send(target, events, visibility);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ApplyResult send(String target, List<ChangeEvent> events, Visibility visibility) throws IOException {
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(target);
        if (visibility == Visibility.IMMEDIATE) {
            bulk.refresh(Refresh.True); // refreshes the shards this request wrote to, before answering
        }
        var variants = names.current();
        for (ChangeEvent event : events) {
            bulk.operations(op -> op.index(i -> i.id(event.documentId().toString()).version(event.version())
                    .versionType(VersionType.External).document(IndexedDocument.of(event, variants))));
        }
        BulkResponse response = client.bulk(bulk.build());
        switch (visibility) {
            case IMMEDIATE -> spellingMemory.viewChanged(Duration.ZERO);
            case SOON -> refresher.request(); // which tells the spelling memory once the refresh is done
            case NEXT_REFRESH -> spellingMemory.viewChanged(searchableAfterRefresh);
        }
        int applied = 0;
        int stale = 0;
        List<ApplyResult.Rejected> rejected = new ArrayList<>();
        for (BulkResponseItem item : response.items()) {
            int status = item.status();
            if (status >= 200 && status < 300) {
                applied++;
            } else if (status == 409) {
                stale++;
            } else if (status == 429 || status >= 500 || status == 404) { // 404: the index went away (deleted by hand)
                aliasReady = false;
                throw new EngineUnavailable("OpenSearch refused part of a bulk write (" + status + "): " + reason(item));
            } else {
                rejected.add(new ApplyResult.Rejected(UUID.fromString(item.id()), "OpenSearch refused the document ("
                        + status + "): " + reason(item)));
            }
        }
        return new ApplyResult(applied, stale, rejected);
    }

    private static String reason(BulkResponseItem item) {
        return item.error() == null ? "no reason given" : item.error().type() + ": " + item.error().reason();
    }

    /** The cluster cannot take writes right now; retry later. */
    public static class EngineUnavailable extends IOException {
        EngineUnavailable(String message) {
            super(message);
        }
    }
}
