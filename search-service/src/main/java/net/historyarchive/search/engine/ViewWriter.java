package net.historyarchive.search.engine;

import jakarta.enterprise.context.ApplicationScoped;
import net.historyarchive.search.view.ApplyResult;
import net.historyarchive.search.view.ChangeEvent;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Writes change events to a view index in one bulk request, each with the event's version as the
 * document's external version: OpenSearch keeps a document only if the incoming version is higher
 * than the stored one, so duplicates, stale and out-of-order events are refused by the engine
 * itself (409), without reading anything first. Deletions are tombstones with their version.
 */
@ApplicationScoped
public class ViewWriter {

    private final OpenSearchClient client;
    private final ViewIndexes indexes;
    private final NameVariantsStore names;

    public ViewWriter(OpenSearchClients clients, ViewIndexes indexes, NameVariantsStore names) {
        this.client = clients.typed();
        this.indexes = indexes;
        this.names = names;
    }

    /** Confirmed once the alias exists: writing to a missing alias would create a stray index with guessed mappings. */
    private volatile boolean aliasReady;

    /** Applies to the live view (the alias), creating the first generation if there is none yet. */
    public ApplyResult apply(Collection<ChangeEvent> events) throws IOException {
        if (!aliasReady) {
            indexes.ensureLive();
            aliasReady = true;
        }
        return apply(indexes.alias(), events);
    }

    /**
     * Applies to the given index or alias and returns once OpenSearch acknowledged every item.
     *
     * @throws EngineUnavailable when the cluster refused part of the batch for a reason that may
     *                           pass (overload, a shard not available): nothing is lost by retrying
     *                           the whole batch, since versions make reapplying harmless
     */
    public ApplyResult apply(String target, Collection<ChangeEvent> events) throws IOException {
        if (events.isEmpty()) {
            return new ApplyResult(0, 0, List.of());
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(target);
        var variants = names.current();
        for (ChangeEvent event : events) {
            bulk.operations(op -> op.index(i -> i.id(event.documentId().toString()).version(event.version())
                    .versionType(VersionType.External).document(IndexedDocument.of(event, variants))));
        }
        BulkResponse response = client.bulk(bulk.build());
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
