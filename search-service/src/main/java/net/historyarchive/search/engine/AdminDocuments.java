package net.historyarchive.search.engine;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.IndexRequest;
import org.opensearch.client.opensearch.core.IndexResponse;

import java.io.IOException;
import java.util.Optional;

/**
 * Small state documents shared by every replica (the rebuild's status and its claim), in an index
 * of their own beside the view's generations. Writes are compare-and-set on the document's
 * sequence number, so two replicas can never both believe they won.
 */
@ApplicationScoped
public class AdminDocuments {

    /** A document with the sequence number and primary term to compare against on the next write. */
    public record Versioned(JsonNode document, long seqNo, long primaryTerm) {
    }

    private final OpenSearchClient client;
    private final String index;

    public AdminDocuments(OpenSearchClients clients, OpenSearchConfig config) {
        this.client = clients.typed();
        this.index = config.indexPrefix() + "-admin";
    }

    public Optional<Versioned> get(String id) throws IOException {
        try {
            GetResponse<JsonNode> found = client.get(g -> g.index(index).id(id), JsonNode.class);
            return found.found() ? Optional.of(new Versioned(found.source(), found.seqNo(), found.primaryTerm())) : Optional.empty();
        } catch (OpenSearchException e) {
            if (e.status() == 404) { // the index itself does not exist yet
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Writes {@code document} if the stored one is still {@code expected} (absent: only if there is
     * none); empty when another writer came first.
     */
    public Optional<Versioned> compareAndSet(String id, JsonNode document, Optional<Versioned> expected) throws IOException {
        IndexRequest.Builder<JsonNode> write = new IndexRequest.Builder<JsonNode>().index(index).id(id).document(document)
                .refresh(Refresh.True);
        if (expected.isPresent()) {
            write.ifSeqNo(expected.get().seqNo()).ifPrimaryTerm(expected.get().primaryTerm());
        } else {
            write.opType(org.opensearch.client.opensearch._types.OpType.Create);
        }
        try {
            IndexResponse written = client.index(write.build());
            return Optional.of(new Versioned(document, written.seqNo(), written.primaryTerm()));
        } catch (OpenSearchException e) {
            if (e.status() == 409) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
