package net.historyarchive.search.engine;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.GetResponse;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/** One document of the view as the catalog sent it. */
@ApplicationScoped
public class ViewReader {

    private final OpenSearchClient client;
    private final ViewIndexes indexes;

    public ViewReader(OpenSearchClients clients, ViewIndexes indexes) {
        this.client = clients.typed();
        this.indexes = indexes;
    }

    /**
     * The snapshot the view holds, once it is searchable (read from the searchable view, not the
     * write log, so a document shown here is also found by search); empty when unknown or deleted.
     */
    public Optional<JsonNode> snapshot(UUID id) throws IOException {
        GetResponse<JsonNode> found = client.get(g -> g.index(indexes.alias()).id(id.toString()).realtime(false)
                .sourceIncludes("snapshot", "deleted"), JsonNode.class);
        if (!found.found() || found.source() == null || found.source().path("deleted").asBoolean(false)) {
            return Optional.empty();
        }
        return Optional.of(found.source().get("snapshot"));
    }

    /** The snapshots of several documents in one request, in the order asked, leaving out those not in the view. */
    public java.util.List<JsonNode> snapshots(java.util.List<UUID> ids) throws IOException {
        if (ids.isEmpty()) {
            return java.util.List.of();
        }
        var found = client.mget(m -> m.index(indexes.alias()).ids(ids.stream().map(UUID::toString).toList()).realtime(false)
                .sourceIncludes("snapshot", "deleted"), JsonNode.class);
        java.util.List<JsonNode> snapshots = new java.util.ArrayList<>();
        for (var doc : found.docs()) {
            if (doc.isResult() && doc.result().found() && doc.result().source() != null
                    && !doc.result().source().path("deleted").asBoolean(false)) {
                snapshots.add(doc.result().source().get("snapshot"));
            }
        }
        return snapshots;
    }
}
