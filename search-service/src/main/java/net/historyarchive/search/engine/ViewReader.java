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
}
